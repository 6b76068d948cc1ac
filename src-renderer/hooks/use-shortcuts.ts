import { useEffect } from 'react';
import type { StudioServices } from '../state/studio-context';

const NON_TEXT_INPUTS = new Set(['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file']);

/** True when the key goes into a text field, which keeps its own undo, copy and paste. */
function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target instanceof HTMLTextAreaElement;
}

/** True for controls that use plain keys themselves (arrows on a slider, Space on a select). */
function usesPlainKeys(target: EventTarget | null): boolean {
  return isTextEntry(target) || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type === 'range');
}

/**
 * The studio's keyboard: Ctrl/Cmd+S, Ctrl/Cmd+Shift+S, Ctrl/Cmd+O, Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z
 * (or Ctrl+Y), Ctrl/Cmd+C and V for keys; Space play/pause; J/K/L shuttle as in video editors
 * (J plays backwards, L forwards, again for 2x, 4x, 8x; K pauses); ←/→ one frame (Shift: 10),
 * Home/End, M marker, Delete/Backspace removes the selection, Escape cancels a drag or clears the
 * selection; Alt+Z toggles X-ray in sculpt mode; ? shows them all (util/shortcut-list.ts, the one list the reference shows). New has
 * no shortcut: browsers reserve Ctrl+N.
 */
export function useShortcuts({ files, edits, playback, store, view }: StudioServices): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const editing = isTextEntry(event.target);
      const modal = store.getState().ephemeral.dialog !== null;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && !event.altKey) {
        if (key === 's') {
          event.preventDefault();
          void (event.shiftKey ? files.saveAs() : files.save());
        } else if (key === 'o' && !event.shiftKey) {
          event.preventDefault();
          files.requestOpen();
        } else if (editing || modal) {
          // Text fields keep their own undo, copy and paste.
        } else if (key === 'z') {
          event.preventDefault();
          if (event.shiftKey) edits.redo();
          else edits.undo();
        } else if (key === 'y') {
          event.preventDefault();
          edits.redo();
        } else if (key === 'c') {
          edits.copy();
        } else if (key === 'v') {
          event.preventDefault();
          edits.paste();
        }
        return;
      }
      if (event.key === 'Escape' && edits.inTransaction()) {
        edits.cancel();
        return;
      }
      // Alt+Z (Blender's X-ray toggle) in sculpt mode; by code, as Alt changes the key on macOS.
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.code === 'KeyZ' && !usesPlainKeys(event.target) && !modal) {
        const { sculpt } = store.getState().ephemeral;
        if (sculpt.active) {
          event.preventDefault();
          view.setSculpt({ xray: !sculpt.xray });
        }
        return;
      }
      if (usesPlainKeys(event.target) || modal || event.altKey) return;
      switch (event.key) {
        case ' ':
          event.preventDefault();
          if (!event.repeat) playback.toggle();
          return;
        case 'k':
        case 'K':
          playback.pause();
          return;
        case 'l':
        case 'L':
          // A held key would race to the top speed: each press is one step.
          if (!event.repeat) playback.shuttle(1);
          return;
        case 'j':
        case 'J':
          if (!event.repeat) playback.shuttle(-1);
          return;
        case 'ArrowLeft':
        case 'ArrowRight':
          event.preventDefault();
          playback.stepFrames((event.key === 'ArrowLeft' ? -1 : 1) * (event.shiftKey ? 10 : 1));
          return;
        case 'Home':
          event.preventDefault();
          playback.scrubTo(0);
          return;
        case 'End':
          event.preventDefault();
          playback.scrubTo(playback.endSec());
          return;
        case 'm':
        case 'M':
          edits.addMarkerAtPlayhead();
          return;
        case 'i':
        case 'I':
          edits.setLoopInAtPlayhead();
          return;
        case 'o':
        case 'O':
          edits.setLoopOutAtPlayhead();
          return;
        case 'Delete':
        case 'Backspace':
          event.preventDefault();
          edits.deleteSelection();
          return;
        case 'Escape':
          edits.clearSelection();
          return;
        case '?':
          event.preventDefault();
          view.openDialog({ kind: 'shortcuts' });
          return;
        default:
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [files, edits, playback, store, view]);
}
