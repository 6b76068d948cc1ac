import { useEffect } from 'react';
import type { ProjectFiles } from '../state/project-files';
import type { StudioStore } from '../state/studio-store';

/** How often a dirty project is written to its recovery file at the latest. */
export const AUTOSAVE_INTERVAL_MS = 30_000;
/** An edit is autosaved this long after the last change, so a reload soon after loses nothing. */
export const AUTOSAVE_AFTER_EDIT_MS = 2_000;

/**
 * Autosaves a dirty project: shortly after each edit, on a fixed timer, and when the page is
 * hidden or left (a reload, a closed tab). ProjectFiles.autosave() skips clean or unchanged documents.
 */
export function useAutosave(files: ProjectFiles, store: StudioStore): void {
  useEffect(() => {
    const save = () => void files.autosave();
    const timer = window.setInterval(save, AUTOSAVE_INTERVAL_MS);
    let pending: number | undefined;
    let document = store.getState().document;
    const unsubscribe = store.subscribe(() => {
      const next = store.getState().document;
      if (next === document) return;
      document = next;
      window.clearTimeout(pending);
      pending = window.setTimeout(save, AUTOSAVE_AFTER_EDIT_MS);
    });
    const onHidden = () => {
      if (window.document.visibilityState === 'hidden') save();
    };
    window.addEventListener('pagehide', save);
    window.document.addEventListener('visibilitychange', onHidden);
    return () => {
      window.clearInterval(timer);
      window.clearTimeout(pending);
      unsubscribe();
      window.removeEventListener('pagehide', save);
      window.document.removeEventListener('visibilitychange', onHidden);
    };
  }, [files, store]);
}
