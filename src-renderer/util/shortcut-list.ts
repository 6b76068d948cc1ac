import { MOD } from './shortcut-labels';

/** One entry of the shortcut reference (press ?): the keys and what they do. */
export interface ShortcutEntry {
  readonly keys: string;
  readonly action: string;
}

/**
 * Every keyboard shortcut of the studio, in the groups the reference shows. use-shortcuts.ts
 * handles these keys; tests/e2e/usability.spec.ts checks that each one listed is shown.
 */
export const SHORTCUT_GROUPS: readonly { readonly title: string; readonly entries: readonly ShortcutEntry[] }[] = [
  {
    title: 'Project',
    entries: [
      { keys: `${MOD}S`, action: 'Save' },
      { keys: `${MOD}Shift+S`, action: 'Save as' },
      { keys: `${MOD}O`, action: 'Open' },
      { keys: '?', action: 'This list of shortcuts' },
    ],
  },
  {
    title: 'Playback',
    entries: [
      { keys: 'Space', action: 'Play / pause' },
      { keys: 'L', action: 'Play forwards (again: 2x, 4x, 8x)' },
      { keys: 'J', action: 'Play backwards (again: 2x, 4x, 8x)' },
      { keys: 'K', action: 'Pause' },
      { keys: '← / →', action: 'One frame back / forward' },
      { keys: 'Shift+← / →', action: 'Ten frames back / forward' },
      { keys: 'Home / End', action: 'Go to the start / end' },
    ],
  },
  {
    title: 'Editing',
    entries: [
      { keys: `${MOD}Z`, action: 'Undo' },
      { keys: `${MOD}Shift+Z or ${MOD}Y`, action: 'Redo' },
      { keys: `${MOD}C / ${MOD}V`, action: 'Copy / paste the selected keys at the playhead' },
      { keys: 'M', action: 'Add a marker at the playhead' },
      { keys: 'Delete / Backspace', action: 'Delete the selected keys and markers' },
      { keys: 'Escape', action: 'Cancel a drag, or clear the selection' },
      { keys: 'Double-click a marker', action: 'Rename it' },
      { keys: 'Right-click a marker', action: 'Rename, colour, delete' },
    ],
  },
  {
    title: 'Sculpt mode (3D viewport)',
    entries: [{ keys: 'Alt+Z', action: 'X-ray on / off: picks also take landmarks behind the face' }],
  },
  {
    title: 'Fields',
    entries: [
      { keys: 'Enter', action: 'Commit the value and go back to the timeline' },
      { keys: 'Escape', action: 'Drop the typed value and go back to the timeline' },
    ],
  },
];
