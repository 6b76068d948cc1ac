import { resolveHandles } from '../../src-shared/keyframes/bezier-handles';
import { evaluateChannel } from '../../src-shared/keyframes/interpolate';
import type { Keyframe } from '../../src-shared/keyframes/keyframe-schema';

const WIDTH_PX = 120;
const HEIGHT_PX = 64;
const PAD_PX = 8;

/** The segment after keys[index], normalised from its value (bottom left) to the next key's (top right), with its handles. */
export function CurvePreview({ keys, index }: { readonly keys: readonly Keyframe[]; readonly index: number }) {
  const a = keys[index];
  const b = keys[index + 1];
  if (a === undefined || b === undefined) return <span className="curve-preview-none">Last key: nothing follows</span>;
  const span = b.timeSec - a.timeSec || 1;
  const delta = b.value - a.value;
  const norm = (value: number) => (Math.abs(delta) < 1e-9 ? 0.5 : (value - a.value) / delta);
  const x = (u: number) => PAD_PX + u * (WIDTH_PX - 2 * PAD_PX);
  const y = (v: number) => HEIGHT_PX - PAD_PX - v * (HEIGHT_PX - 2 * PAD_PX);
  const points: string[] = [];
  for (let i = 0; i <= 32; i++) {
    const u = i / 32;
    points.push(`${x(u).toFixed(1)},${y(norm(evaluateChannel(keys, a.timeSec + u * span))).toFixed(1)}`);
  }
  const right = resolveHandles(keys, index).right;
  const left = resolveHandles(keys, index + 1).left;
  const r = { u: right.dtSec / span, v: norm(a.value + right.dValue) };
  const l = { u: 1 + left.dtSec / span, v: norm(b.value + left.dValue) };
  return (
    <svg className="curve-preview" width={WIDTH_PX} height={HEIGHT_PX} viewBox={`0 0 ${WIDTH_PX} ${HEIGHT_PX}`} data-testid="curve-preview" role="img" aria-label={`${a.interp} interpolation curve`}>
      <rect x={PAD_PX} y={PAD_PX} width={WIDTH_PX - 2 * PAD_PX} height={HEIGHT_PX - 2 * PAD_PX} className="curve-frame" />
      {a.interp === 'bezier' && (
        <>
          <line x1={x(0)} y1={y(0)} x2={x(r.u)} y2={y(r.v)} className="curve-handle" />
          <line x1={x(1)} y1={y(1)} x2={x(l.u)} y2={y(l.v)} className="curve-handle" />
          <circle cx={x(r.u)} cy={y(r.v)} r={2.5} className="curve-handle-dot" />
          <circle cx={x(l.u)} cy={y(l.v)} r={2.5} className="curve-handle-dot" />
        </>
      )}
      <polyline points={points.join(' ')} className="curve-line" />
    </svg>
  );
}
