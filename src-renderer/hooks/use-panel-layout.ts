import type { CSSProperties } from 'react';
import { useCallback, useRef, useState } from 'react';
import type { LayoutSettings } from '../../src-shared/ipc/contract';
import { useStudio, useStudioSelector } from '../state/studio-context';

/** Sizes a drag may not go below or above (the settings schema's limits). */
const LIMITS: Readonly<Record<keyof LayoutSettings, { readonly min: number; readonly max: number }>> = {
  inspectorWidthPx: { min: 200, max: 1200 },
  viewportWidthPx: { min: 200, max: 2000 },
  timelineHeightPx: { min: 120, max: 2000 },
};

/** What each splitter resizes, and which way: the inspector grows as its left edge moves left. */
const SIGN: Readonly<Record<keyof LayoutSettings, 1 | -1>> = { inspectorWidthPx: -1, viewportWidthPx: -1, timelineHeightPx: -1 };

export interface PanelLayout {
  /** CSS variables of the studio's grid (unset: the stylesheet's defaults). */
  readonly style: CSSProperties;
  /** Handlers for the splitter of one size: drag from the size measured on the panel `selector` finds, done, reset. */
  splitter(size: keyof LayoutSettings, selector: string): { onDrag: (deltaPx: number) => void; onDone: () => void; onReset: () => void };
}

/**
 * The panel sizes the splitters set, remembered in the studio's settings (settings:update), not in
 * the project. While a splitter is dragged the size lives here; it is saved when the drag ends.
 */
export function usePanelLayout(): PanelLayout {
  const { settings } = useStudio();
  const saved = useStudioSelector((s) => s.ephemeral.settings?.layout ?? null);
  const [dragging, setDragging] = useState<LayoutSettings>({});
  const startPx = useRef<number | null>(null);
  const latest = useRef<LayoutSettings>({});
  const layout: LayoutSettings = { ...saved, ...dragging };

  const splitter = useCallback(
    (size: keyof LayoutSettings, selector: string) => ({
      onDrag: (deltaPx: number) => {
        const target = document.querySelector<HTMLElement>(selector);
        if (target === null) return;
        startPx.current ??= size === 'timelineHeightPx' ? target.getBoundingClientRect().height : target.getBoundingClientRect().width;
        const { min, max } = LIMITS[size];
        latest.current = { [size]: Math.round(Math.min(max, Math.max(min, startPx.current + SIGN[size] * deltaPx))) };
        setDragging(latest.current);
      },
      onDone: () => {
        startPx.current = null;
        // The saved settings take over from the drag's size once they arrive.
        if (Object.keys(latest.current).length > 0) void settings.setLayout(latest.current).then(() => setDragging({}));
        latest.current = {};
      },
      onReset: () => {
        startPx.current = null;
        latest.current = {};
        setDragging({});
        const { [size]: _dropped, ...rest } = saved ?? {};
        void settings.setLayout({ ...rest, [size]: undefined });
      },
    }),
    [settings, saved],
  );

  const style: Record<string, string> = {};
  if (layout.inspectorWidthPx !== undefined) style['--inspector-width'] = `${layout.inspectorWidthPx}px`;
  if (layout.viewportWidthPx !== undefined) style['--viewport-width'] = `${layout.viewportWidthPx}px`;
  if (layout.timelineHeightPx !== undefined) style['--timeline-height'] = `${layout.timelineHeightPx}px`;
  return { style, splitter };
}
