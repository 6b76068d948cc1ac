// @vitest-environment node
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NO_NATIVE_DIALOGS } from '../../src-main/services/dialogs.js';
import { studioServices } from '../helpers/studio-caller.js';

describe('writes in the desktop studio (Electron host)', () => {
  it('go only where the user chose in a save dialog: exports and Save As to a typed path are refused', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-grants-'));
    const chosenVideo = join(root, 'chosen.mp4');
    const chosenProject = join(root, 'Chosen');
    const dialogs = { ...NO_NATIVE_DIALOGS, saveVideo: () => Promise.resolve(chosenVideo), saveProject: () => Promise.resolve(chosenProject) };
    const { call, value } = studioServices({ root, host: 'electron', dialogs });
    const opened = await value(call('project:new', { name: 'Grants' }));
    const { workDir, document } = opened;

    const typed = await call('export:video', { workDir, document, jobId: 'typed', outPath: join(root, 'typed.mp4') });
    expect(!typed.ok && typed.error.code).toBe('forbidden');
    expect(!typed.ok && typed.error.message).toMatch(/The video ".*typed\.mp4" was not chosen in a save dialog.*Browse/);
    const typedSave = await call('project:save', { workDir, path: join(root, 'Typed.aniproj'), document });
    expect(!typedSave.ok && typedSave.error.code).toBe('forbidden');
    expect(existsSync(join(root, 'Typed.aniproj'))).toBe(false);

    // Chosen in the dialogs: the export goes on (to say what it lacks), the project is saved there.
    expect((await value(call('dialog:save-video', { suggestedName: 'x' }))).path).toBe(chosenVideo);
    const chosen = await call('export:video', { workDir, document, jobId: 'chosen', outPath: chosenVideo });
    expect(!chosen.ok && chosen.error.message).toMatch(/Import a portrait photo and a voice recording first/);
    expect((await value(call('dialog:save-project', { suggestedName: 'Chosen' }))).path).toBe(chosenProject);
    const saved = await value(call('project:save', { workDir, path: chosenProject, document }));
    expect(saved.savedPath).toBe(`${chosenProject}.aniproj`);
    // Saving the open project again needs no dialog.
    expect((await call('project:save', { workDir: saved.workDir, path: saved.savedPath, document })).ok).toBe(true);
  });

  it('are not limited to dialogs on the web host, which has none (its token is the grant)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'aniportrait-grants-web-'));
    const { call, value } = studioServices({ root, host: 'web' });
    const { workDir, document } = await value(call('project:new', { name: 'Web' }));
    const saved = await call('project:save', { workDir, path: join(root, 'Typed.aniproj'), document });
    expect(saved.ok).toBe(true);
  });
});
