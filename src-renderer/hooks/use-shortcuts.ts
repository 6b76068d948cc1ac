import { useEffect } from 'react';
import type { ProjectActions } from '../state/project-actions';

/**
 * Ctrl/Cmd+S, Ctrl/Cmd+Shift+S and Ctrl/Cmd+O. New has no shortcut: browsers reserve Ctrl+N.
 */
export function useShortcuts(actions: ProjectActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') {
        event.preventDefault();
        void (event.shiftKey ? actions.saveAs() : actions.save());
      } else if (key === 'o' && !event.shiftKey) {
        event.preventDefault();
        actions.requestOpen();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}
