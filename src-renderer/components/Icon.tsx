export type IconName =
  | 'new'
  | 'graph'
  | 'loop'
  | 'open'
  | 'save'
  | 'save-as'
  | 'photo'
  | 'audio'
  | 'reset-view'
  | 'warning'
  | 'undo'
  | 'redo'
  | 'generate'
  | 'export'
  | 'play'
  | 'pause'
  | 'stop'
  | 'to-start'
  | 'to-end'
  | 'marker'
  | 'key'
  | 'landmarks';

/** Stroke paths on a 16x16 grid; stroke colour follows the text colour. */
const PATHS: Record<IconName, string> = {
  new: 'M4 1.5h5l3 3v10H4z M9 1.5v3h3 M8 7.5v5 M5.5 10h5',
  open: 'M1.5 4V13h12.5l1-6.5H4l-1.5 6.5 M1.5 4V2.5h4l1.5 1.5h5.5v2.5',
  save: 'M2.5 2.5h9l2 2v9h-11z M5 2.5v3.5h5.5V2.5 M5 13.5v-4h6v4',
  'save-as': 'M2.5 2.5h9l2 2v3 M2.5 2.5v11h5 M5 2.5v3.5h5.5V2.5 M9.5 14.5l.5-2 4-4 1.5 1.5-4 4z',
  photo: 'M1.5 3h13v10h-13z M1.5 11l4-4 3 3 2-2 4 4 M11 6.2a.9.9 0 1 0 0 .1',
  audio: 'M1.5 8h1 M4 5v6 M6.5 2.5v11 M9 5.5v5 M11.5 3.5v9 M14 7v2',
  'reset-view': 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9 M2.5 2v3h3',
  warning: 'M8 1.5l7 12.5H1z M8 6v4 M8 11.6v.4',
  undo: 'M5 3.5L2 6.5l3 3 M2 6.5h7.5a4 4 0 0 1 0 8H6',
  redo: 'M11 3.5l3 3-3 3 M14 6.5H6.5a4 4 0 0 0 0 8H10',
  generate: 'M8 1.5v3 M8 11.5v3 M1.5 8h3 M11.5 8h3 M3.4 3.4l2.1 2.1 M10.5 10.5l2.1 2.1 M3.4 12.6l2.1-2.1 M10.5 5.5l2.1-2.1',
  export: 'M8 10V1.5 M4.5 5L8 1.5 11.5 5 M2.5 9v5h11V9',
  play: 'M4.5 2.5v11l9-5.5z',
  pause: 'M4.5 2.5v11 M11.5 2.5v11',
  stop: 'M3.5 3.5h9v9h-9z',
  'to-start': 'M3 2.5v11 M13 2.5v11L5 8z',
  'to-end': 'M13 2.5v11 M3 2.5v11L11 8z',
  marker: 'M4 14.5V1.5 M4 2h8l-2 3 2 3H4',
  key: 'M8 2l6 6-6 6-6-6z',
  graph: 'M1.5 14.5h13 M1.5 1.5v13 M2.5 12C6 12 6 4 9 4s3 5 5.5 5',
  loop: 'M3 9V6.5A2 2 0 0 1 5 4.5h8 M11 2.5l2 2-2 2 M13 7v2.5a2 2 0 0 1-2 2H3 M5 13.5l-2-2 2-2',
  landmarks: 'M3 5a.5.5 0 1 0 0 .1 M13 5a.5.5 0 1 0 0 .1 M8 3a.5.5 0 1 0 0 .1 M4.5 10.5Q8 13.5 11.5 10.5 M3 5q5 -3 10 0 M8 6v3',
};

export function Icon({ name, sizePx = 16 }: { readonly name: IconName; readonly sizePx?: number }) {
  return (
    <svg width={sizePx} height={sizePx} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
