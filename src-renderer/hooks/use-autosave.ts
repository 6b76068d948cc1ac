import { useEffect } from 'react';
import type { ProjectActions } from '../state/project-actions';

/** How often a dirty project is written to its recovery file. */
export const AUTOSAVE_INTERVAL_MS = 30_000;

/** Autosaves on a fixed timer; ProjectActions.autosave() skips clean or unchanged documents. */
export function useAutosave(actions: ProjectActions): void {
  useEffect(() => {
    const timer = window.setInterval(() => void actions.autosave(), AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [actions]);
}
