import { useEffect, useRef } from 'react';
import { setKeysHandleMode } from '../../src-shared/edits/handle-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { HANDLE_MODE_CHOICES, INTERP_CHOICES, interpChoiceEdit } from '../util/key-interp-choices';

/**
 * The right-click menu of keys (lanes and graph editor): the interpolation of the segment after
 * each selected key, ease presets, handle modes, copy, paste, delete. Each item is one undo step.
 */
export function KeyContextMenu() {
  const { edits, view } = useStudio();
  const menu = useStudioSelector((s) => s.ephemeral.keyMenu);
  const refs = useStudioSelector((s) => s.ephemeral.selection.keys);
  const hasClipboard = useStudioSelector((s) => s.ephemeral.clipboard !== null);
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (menu === null) return;
    const onDown = (event: PointerEvent) => {
      if (element.current !== null && !element.current.contains(event.target as Node)) view.closeKeyMenu();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') view.closeKeyMenu();
    };
    window.addEventListener('pointerdown', onDown, true);
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('pointerdown', onDown, true);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [menu, view]);

  if (menu === null || refs.length === 0) return null;
  const run = (action: () => void) => () => {
    action();
    view.closeKeyMenu();
  };
  const item = (testId: string, label: string, action: () => void, disabled = false) => (
    <button key={testId} type="button" role="menuitem" className="menu-item" data-testid={testId} disabled={disabled} onClick={run(action)}>
      {label}
    </button>
  );
  const left = Math.min(menu.xPx, window.innerWidth - 210);
  const top = Math.min(menu.yPx, window.innerHeight - 470);
  return (
    <div ref={element} className="context-menu" role="menu" data-testid="key-menu" style={{ left, top: Math.max(4, top) }}>
      <div className="menu-title">{refs.length === 1 ? '1 key' : `${refs.length} keys`}</div>
      {INTERP_CHOICES.map((choice) => item(`key-menu-${choice.value}`, choice.label, () => edits.edit(interpChoiceEdit(refs, choice.value))))}
      <div className="menu-separator" />
      {HANDLE_MODE_CHOICES.map((choice) => item(`key-menu-handles-${choice.value}`, `Handles: ${choice.label}`, () => edits.edit(setKeysHandleMode(refs, choice.value))))}
      <div className="menu-separator" />
      {item('key-menu-copy', 'Copy  (Ctrl+C)', () => edits.copy())}
      {item('key-menu-paste', 'Paste at playhead  (Ctrl+V)', () => edits.paste(), !hasClipboard)}
      {item('key-menu-delete', 'Delete  (Del)', () => edits.deleteSelection())}
    </div>
  );
}
