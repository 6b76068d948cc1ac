export type IconName = 'new' | 'open' | 'save' | 'save-as' | 'photo' | 'audio' | 'reset-view' | 'warning';

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
};

export function Icon({ name, sizePx = 16 }: { readonly name: IconName; readonly sizePx?: number }) {
  return (
    <svg width={sizePx} height={sizePx} viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name]} />
    </svg>
  );
}
