import type { PointerEvent as ReactPointerEvent, MouseEvent as ReactMouseEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { combineEdits } from '../../src-shared/edits/document-edit';
import type { HandleSide } from '../../src-shared/edits/handle-edits';
import { setKeyHandle } from '../../src-shared/edits/handle-edits';
import { offsetKeysValue } from '../../src-shared/edits/key-transform-edits';
import { moveKeys } from '../../src-shared/edits/keyframe-edits';
import { activeLayer, findKey } from '../../src-shared/edits/keyframe-queries';
import type { KeyRef } from '../../src-shared/edits/selection';
import { clickKey, isKeySelected } from '../../src-shared/edits/selection';
import { snapDragTime } from '../../src-shared/edits/snapping';
import { resolveHandles } from '../../src-shared/keyframes/bezier-handles';
import { channelCurves, layerCurve } from '../../src-shared/keyframes/channel-curves';
import type { ChannelId } from '../../src-shared/keyframes/channels';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { isShapeChannel } from '../../src-shared/keyframes/shape-channels';
import { CHANNELS } from '../../src-shared/keyframes/channels';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import type { KeyframeId } from '../../src-shared/util/ids';
import { useElementSize } from '../hooks/use-element-size';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { timelineDurationSec, timelineFrameCount } from '../state/timeline-math';
import { channelInfo, formatChannelValue } from '../util/channel-info';
import type { GraphView } from './graph-view';
import { lipSyncedTrackOf } from '../hooks/use-composed-track';
import { extentOf, frameExtent, graphMapping, niceTicks, pan, zoomTime, zoomValue } from './graph-view';

const NO_LAYERS: readonly KeyframeLayer[] = [];

const CHANNEL_COLORS: Readonly<Record<ChannelId, string>> = {
  pitchDeg: '#e8655a',
  yawDeg: '#6fcf6a',
  rollDeg: '#5a9ae8',
  txCm: '#e8b35a',
  tyCm: '#5ad6d0',
  tzCm: '#b88ae8',
  jawOpen: '#f0904a',
  lipFunnel: '#e86ab0',
  smile: '#d6d64a',
  blinkLeft: '#6ac8f0',
  blinkRight: '#4ab0a0',
  browRaise: '#c07ae0',
};
/** A channel's colour in the graph: its own, or one for every sculpted shape's weight. */
const colorOf = (channel: KeyChannelId): string => (isShapeChannel(channel) ? '#9ad0ff' : CHANNEL_COLORS[channel]);

type Gesture =
  | { kind: 'keys'; startX: number; startY: number; startSec: number; moving: boolean }
  | { kind: 'handle'; ref: KeyRef; side: HandleSide }
  | { kind: 'pan'; startX: number; startY: number; view: GraphView }
  | { kind: 'scrub' };

/**
 * The graph editor: the chosen channels over time on a value axis with units. For each, the
 * generated curve (dashed, for reference), the rendered result (thin) and the active layer's own
 * curve with its keys and, on selected keys, their bezier handles to drag. Wheel zooms time
 * (Ctrl: values), Alt- or middle-drag pans, Frame all / Frame selected fit the view.
 */
export function GraphEditor({ channels }: { readonly channels: readonly KeyChannelId[] }) {
  const { store, edits, playback, view: viewActions } = useStudio();
  const document = useStudioSelector((s) => s.document);
  const generated = useStudioSelector(lipSyncedTrackOf);
  const selection = useStudioSelector((s) => s.ephemeral.selection);
  const playheadSec = useStudioSelector((s) => s.session.playheadTimeSec);
  const frameCount = useStudioSelector(timelineFrameCount);
  const durationSec = useStudioSelector(timelineDurationSec);
  const fps = document?.settings.fps ?? 30;
  const plot = useRef<HTMLDivElement>(null);
  const { widthPx, heightPx } = useElementSize(plot);
  const gesture = useRef<Gesture | null>(null);
  const layer = document === null ? null : activeLayer(document);
  const layers = document?.layers ?? NO_LAYERS;

  const curves = useMemo(
    () => channels.map((channel) => ({ channel, ...channelCurves(generated, layers, channel, generated?.frameCount ?? frameCount, fps) })),
    [channels, generated, layers, frameCount, fps],
  );
  const allExtent = useMemo(() => {
    const points: [number, number][] = [];
    for (const c of curves) {
      points.push([0, c.min], [durationSec, c.max]);
      for (const k of layer?.channels[c.channel] ?? []) points.push([k.timeSec, k.value]);
    }
    return extentOf(points);
  }, [curves, layer, durationSec]);
  const minSpan = channels.every((c) => channelInfo(c).kind !== 'pose') ? 0.2 : 2;
  const [view, setView] = useState<GraphView | null>(null);
  // While a key or handle is dragged the view holds still (fitted to all, it would re-fit under the
  // pointer as the key leaves the old extent, and the key would not follow the mouse); it fits
  // again when the drag ends.
  const [heldView, setHeldView] = useState<GraphView | null>(null);
  const shown = heldView ?? view ?? (allExtent === null ? { startSec: 0, endSec: durationSec, minValue: -1, maxValue: 1 } : frameExtent(allExtent, minSpan));
  const m = graphMapping(shown, widthPx, heightPx);

  const frameAll = () => setView(null);
  const frameSelected = () => {
    if (document === null) return;
    const keys = selection.keys.filter((r) => channels.includes(r.channel)).flatMap((r) => findKey(document, r) ?? []);
    const extent = extentOf(keys.map((k) => [k.timeSec, k.value] as [number, number]));
    if (extent !== null) setView(frameExtent(extent, minSpan, 0.2));
  };

  // Wheel zoom (non-passive: the page must not scroll or zoom).
  const shownRef = useRef(shown);
  useEffect(() => {
    shownRef.current = shown;
  });
  useEffect(() => {
    const element = plot.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const bounds = element.getBoundingClientRect();
      const current = shownRef.current;
      const mapping = graphMapping(current, bounds.width, bounds.height);
      const factor = Math.exp(-event.deltaY * 0.002);
      if (event.ctrlKey || event.metaKey) setView(zoomValue(current, factor, mapping.valueAt(event.clientY - bounds.top)));
      else if (event.shiftKey) setView(pan(current, (event.deltaY * mapping.secPerPx) / 2, 0));
      else setView(zoomTime(current, factor, mapping.timeAt(event.clientX - bounds.left)));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  const local = (event: { clientX: number; clientY: number }) => {
    const bounds = plot.current?.getBoundingClientRect();
    return { x: event.clientX - (bounds?.left ?? 0), y: event.clientY - (bounds?.top ?? 0) };
  };

  const onDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    event.currentTarget.setPointerCapture(event.pointerId);
    if (event.button === 1 || (event.button === 0 && event.altKey)) {
      gesture.current = { kind: 'pan', startX: event.clientX, startY: event.clientY, view: shown };
      return;
    }
    if (event.button !== 0) return;
    const state = store.getState();
    const handle = target.closest<SVGElement>('[data-graph-handle]');
    if (handle !== null) {
      const ref: KeyRef = { channel: handle.dataset.channel as KeyChannelId, keyId: handle.dataset.keyId as KeyframeId };
      edits.begin('Drag handle');
      setHeldView(shown);
      gesture.current = { kind: 'handle', ref, side: handle.dataset.side as HandleSide };
      return;
    }
    const keyElement = target.closest<SVGElement>('[data-graph-key]');
    if (keyElement !== null && state.document !== null) {
      const ref: KeyRef = { channel: keyElement.dataset.channel as KeyChannelId, keyId: keyElement.dataset.keyId as KeyframeId };
      const additive = event.shiftKey || event.ctrlKey || event.metaKey;
      if (!isKeySelected(state.ephemeral.selection, ref) || additive) edits.select(clickKey(state.ephemeral.selection, ref, additive));
      setHeldView(shown);
      gesture.current = { kind: 'keys', startX: event.clientX, startY: event.clientY, startSec: findKey(state.document, ref)?.timeSec ?? 0, moving: false };
      return;
    }
    if (!(event.shiftKey || event.ctrlKey)) edits.clearSelection();
    gesture.current = { kind: 'scrub' };
    playback.scrubTo(Math.max(0, m.timeAt(local(event).x)));
  };

  const onMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    const current = gesture.current;
    if (current === null) return;
    const state = store.getState();
    switch (current.kind) {
      case 'pan':
        setView(pan(current.view, -(event.clientX - current.startX) * m.secPerPx, (event.clientY - current.startY) * m.valuePerPx));
        return;
      case 'scrub':
        playback.scrubTo(Math.max(0, m.timeAt(local(event).x)), true);
        return;
      case 'handle': {
        const key = state.document === null ? null : findKey(state.document, current.ref);
        if (key === null) return;
        const p = local(event);
        edits.update(setKeyHandle(current.ref, current.side, { dtSec: m.timeAt(p.x) - key.timeSec, dValue: m.valueAt(p.y) - key.value }));
        return;
      }
      case 'keys': {
        const distance = Math.abs(event.clientX - current.startX) + Math.abs(event.clientY - current.startY);
        if (!current.moving) {
          if (distance < 3) return;
          current.moving = true;
          const count = state.ephemeral.selection.keys.length;
          edits.begin(count === 1 ? 'Move key' : `Move ${count} keys`);
        }
        const refs = state.ephemeral.selection.keys;
        const targetSec = snapDragTime(current.startSec + (event.clientX - current.startX) * m.secPerPx, { fps, pxPerSec: 1 / m.secPerPx, targetsSec: [state.session.playheadTimeSec], free: event.shiftKey });
        const dValue = -(event.clientY - current.startY) * m.valuePerPx;
        edits.update(combineEdits([moveKeys(refs, targetSec - current.startSec), offsetKeysValue(refs, dValue)]));
        return;
      }
    }
  };

  const onUp = () => {
    const current = gesture.current;
    gesture.current = null;
    setHeldView(null);
    if (current?.kind === 'handle' || (current?.kind === 'keys' && current.moving)) edits.commit();
  };

  const onContextMenu = (event: ReactMouseEvent<HTMLDivElement>) => {
    const keyElement = (event.target as Element).closest<SVGElement>('[data-graph-key]');
    event.preventDefault();
    if (keyElement === null) return;
    const ref: KeyRef = { channel: keyElement.dataset.channel as KeyChannelId, keyId: keyElement.dataset.keyId as KeyframeId };
    const sel = store.getState().ephemeral.selection;
    if (!isKeySelected(sel, ref)) edits.select(clickKey(sel, ref, false));
    viewActions.openKeyMenu(event.clientX, event.clientY);
  };

  const toggleChannel = (channel: KeyChannelId) => {
    viewActions.showGraph(channels.includes(channel) ? channels.filter((c) => c !== channel) : [...channels, channel]);
  };

  const units = new Set(channels.map((c) => channelInfo(c).unit));
  const unit = units.size === 1 ? [...units][0] : null;
  const valueTicks = niceTicks(shown.minValue, shown.maxValue, Math.max(2, Math.floor(heightPx / 40)));
  const timeTicks = niceTicks(Math.max(0, shown.startSec), shown.endSec, Math.max(2, Math.floor(widthPx / 90)));
  const samples = Math.max(2, Math.ceil(widthPx / 2));
  const sampleTimes = Array.from({ length: samples + 1 }, (_, i) => shown.startSec + ((shown.endSec - shown.startSec) * i) / samples);
  const perFrame = (values: Float64Array) => {
    const points: string[] = [];
    const f0 = Math.max(0, Math.floor(shown.startSec * fps));
    const f1 = Math.min(values.length - 1, Math.ceil(shown.endSec * fps));
    const step = Math.max(1, Math.ceil(2 * m.secPerPx * fps));
    for (let f = f0; f <= f1; f += step) points.push(`${m.x(f / fps).toFixed(1)},${m.y(values[f]).toFixed(1)}`);
    return points.join(' ');
  };

  return (
    <div className="graph-editor" data-testid="graph-editor">
      <div className="graph-channels">
        <div className="graph-toolbar">
          <button type="button" className="graph-button" data-testid="graph-close" title="Back to the lanes" onClick={() => viewActions.showGraph(null)}>
            Lanes
          </button>
          <button type="button" className="graph-button" data-testid="graph-frame-all" title="Fit all curves" onClick={frameAll}>
            All
          </button>
          <button type="button" className="graph-button" data-testid="graph-frame-selected" title="Fit the selected keys" onClick={frameSelected}>
            Selected
          </button>
        </div>
        {CHANNELS.map((channel) => (
          <label key={channel} className="graph-channel" data-active={channels.includes(channel)}>
            <input type="checkbox" data-testid={`graph-channel-${channel}`} checked={channels.includes(channel)} onChange={() => toggleChannel(channel)} />
            <span className="graph-swatch" style={{ background: colorOf(channel) }} />
            {channelInfo(channel, document?.shapes).label}
          </label>
        ))}
        <div className="graph-legend">
          <span><i className="legend-line legend-generated" /> generated</span>
          <span><i className="legend-line legend-composed" /> rendered</span>
          <span><i className="legend-line legend-layer" /> keys · {layer?.name ?? 'layer'}</span>
        </div>
      </div>
      <div className="graph-plot" ref={plot} onPointerDown={onDown} onPointerMove={onMove} onPointerUp={onUp} onPointerCancel={onUp} onContextMenu={onContextMenu} data-testid="graph-plot">
        <svg width={widthPx} height={heightPx} className="graph-svg">
          {valueTicks.map((v) => (
            <g key={`v${v}`}>
              <line className={v === 0 ? 'graph-grid graph-zero' : 'graph-grid'} x1={0} x2={widthPx} y1={m.y(v)} y2={m.y(v)} />
              <text className="graph-tick" x={4} y={m.y(v) - 3}>
                {unit === null ? v : `${v}${unit === 'cm' ? ' cm' : unit}`}
              </text>
            </g>
          ))}
          {timeTicks.map((t) => (
            <g key={`t${t}`}>
              <line className="graph-grid" x1={m.x(t)} x2={m.x(t)} y1={0} y2={heightPx} />
              <text className="graph-tick" x={m.x(t) + 3} y={heightPx - 4}>
                {`${t}s`}
              </text>
            </g>
          ))}
          <rect className="graph-outside" x={m.x(durationSec)} y={0} width={Math.max(0, widthPx - m.x(durationSec))} height={heightPx} />
          {curves.map((c) => {
            const color = colorOf(c.channel);
            const keys = layer?.channels[c.channel] ?? [];
            const own = layer === null ? [] : layerCurve(layer, c.channel, sampleTimes);
            return (
              <g key={c.channel} data-testid={`graph-curves-${c.channel}`}>
                {c.generated !== null && <polyline className="graph-generated" stroke={color} points={perFrame(c.generated)} data-testid={`graph-generated-${c.channel}`} />}
                <polyline className="graph-composed" stroke={color} points={perFrame(c.composed)} />
                {keys.length > 0 && (
                  <polyline className="graph-layer" stroke={color} data-testid={`graph-layer-${c.channel}`} points={sampleTimes.map((t, i) => `${m.x(t).toFixed(1)},${m.y(own[i]).toFixed(1)}`).join(' ')} />
                )}
                {keys.map((key, i) => {
                  const ref: KeyRef = { channel: c.channel, keyId: key.id };
                  const selected = isKeySelected(selection, ref);
                  const x = m.x(key.timeSec);
                  const y = m.y(key.value);
                  const { left, right } = resolveHandles(keys, i);
                  return (
                    <g key={key.id}>
                      {selected
                        ? (['left', 'right'] as const).map((side) => {
                            const h = side === 'left' ? left : right;
                            if ((side === 'left' && (i === 0 || keys[i - 1].interp !== 'bezier')) || (side === 'right' && key.interp !== 'bezier')) return null;
                            const hx = m.x(key.timeSec + h.dtSec);
                            const hy = m.y(key.value + h.dValue);
                            return (
                              <g key={side}>
                                <line className="graph-handle-line" x1={x} y1={y} x2={hx} y2={hy} />
                                <circle
                                  className="graph-handle"
                                  data-graph-handle=""
                                  data-testid="graph-handle"
                                  data-side={side}
                                  data-channel={c.channel}
                                  data-key-id={key.id}
                                  cx={hx}
                                  cy={hy}
                                  r={4}
                                />
                              </g>
                            );
                          })
                        : null}
                      <rect
                        className="graph-key"
                        data-graph-key=""
                        data-testid="graph-key"
                        data-channel={c.channel}
                        data-key-id={key.id}
                        data-selected={selected}
                        x={x - 4}
                        y={y - 4}
                        width={8}
                        height={8}
                        transform={`rotate(45 ${x} ${y})`}
                      >
                        <title>{`${channelInfo(c.channel, document?.shapes).label} ${formatChannelValue(c.channel, key.value)} at ${key.timeSec.toFixed(3)} s`}</title>
                      </rect>
                    </g>
                  );
                })}
              </g>
            );
          })}
          <line className="graph-playhead" data-testid="graph-playhead" x1={m.x(playheadSec)} x2={m.x(playheadSec)} y1={0} y2={heightPx} />
        </svg>
        <div className="graph-hint">Wheel: zoom time · Ctrl+wheel: zoom values · Alt/middle-drag: pan · drag keys and handles · right-click a key</div>
      </div>
    </div>
  );
}
