import { useEffect } from 'react';
import type { ProjectFiles } from '../state/project-files';

/** How often a dirty project is written to its recovery file. */
export const AUTOSAVE_INTERVAL_MS = 30_000;

/** Autosaves on a fixed timer; ProjectFiles.autosave() skips clean or unchanged documents. */
export function useAutosave(files: ProjectFiles): void {
  useEffect(() => {
    const timer = window.setInterval(() => void files.autosave(), AUTOSAVE_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [files]);
}
