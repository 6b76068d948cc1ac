import { describe, expect, it } from 'vitest';
import { createProject } from '../../src-shared/project/create-project';
import { exportFraction } from '../../src-renderer/state/export-state';
import { addToast, markAutosaved, markSaved } from '../../src-renderer/state/store-updates';
import type { StudioState } from '../../src-renderer/state/studio-state';
import { INITIAL_STATE, saveStateText } from '../../src-renderer/state/studio-state';

const hhmm = (iso: string) => iso.slice(11, 16);

function withProject(): StudioState {
  const document = createProject('Talk');
  return { ...INITIAL_STATE, document, session: { ...INITIAL_STATE.session, workDir: '/w', savedDocument: document } };
}

describe('toasts', () => {
  it('the same message counts up on one toast instead of stacking, and an error stays as the last error', () => {
    const at = new Date('2026-01-01T19:35:00Z');
    let state = addToast(INITIAL_STATE, 'error', 'Import failed', at);
    const firstId = state.ephemeral.toasts[0].id;
    state = addToast(state, 'error', 'Import failed', at);
    state = addToast(state, 'error', 'Import failed', at);
    expect(state.ephemeral.toasts).toHaveLength(1);
    expect(state.ephemeral.toasts[0].count).toBe(3);
    expect(state.ephemeral.toasts[0].id, 'a repeat restarts the toast (new id)').not.toBe(firstId);
    state = addToast(state, 'info', 'Saved', at);
    expect(state.ephemeral.toasts.map((t) => t.text)).toEqual(['Import failed', 'Saved']);
    expect(state.ephemeral.lastError).toEqual({ text: 'Import failed', atIso: at.toISOString() });
  });
});

describe('saveStateText', () => {
  it('says the same thing for the title and the status bar in each state', () => {
    const clean = withProject();
    expect(saveStateText(clean, hhmm)).toBe('Not saved yet');
    const edited: StudioState = { ...clean, document: { ...clean.document!, name: 'Edited' } };
    expect(saveStateText(edited, hhmm)).toBe('Unsaved changes');
    const autosaved = markAutosaved(edited, edited.document!, '2026-01-01T19:35:10.000Z');
    expect(saveStateText(autosaved, hhmm)).toBe('Unsaved changes (autosaved 19:35)');
    const saved = markSaved(autosaved, autosaved.document!, '/p.aniproj', '/p.aniproj');
    expect(saveStateText(saved, hhmm)).toBe('Saved');
  });
});

describe('exportFraction', () => {
  it('is the frames share while frames render (frame 27 of 235 is 11 %), else the job fraction', () => {
    expect(Math.round(exportFraction({ fraction: 0.2, frames: { done: 27, total: 235 } }) * 100)).toBe(11);
    expect(exportFraction({ fraction: 0.05, frames: null })).toBe(0.05);
  });
});
