import { cubicBezierY } from '../../src-shared/keyframes/interpolate';
import type { BezierHandles, Interpolation } from '../../src-shared/keyframes/keyframe-schema';

const WIDTH_PX = 120;
const HEIGHT_PX = 64;
const PAD_PX = 8;

/** The shape of the segment after a key, from its value (bottom left) to the next key's (top right). */
export function CurvePreview({ interp, handles }: { readonly interp: Interpolation; readonly handles: BezierHandles }) {
  const x = (u: number) => PAD_PX + u * (WIDTH_PX - 2 * PAD_PX);
  const y = (v: number) => HEIGHT_PX - PAD_PX - v * (HEIGHT_PX - 2 * PAD_PX);
  const points: string[] = [];
  for (let i = 0; i <= 32; i++) {
    const u = i / 32;
    const v = interp === 'hold' ? (u < 1 ? 0 : 1) : interp === 'linear' ? u : cubicBezierY(handles, u);
    points.push(`${x(u).toFixed(1)},${y(v).toFixed(1)}`);
  }
  return (
    <svg className="curve-preview" width={WIDTH_PX} height={HEIGHT_PX} viewBox={`0 0 ${WIDTH_PX} ${HEIGHT_PX}`} data-testid="curve-preview" role="img" aria-label={`${interp} interpolation curve`}>
      <rect x={PAD_PX} y={PAD_PX} width={WIDTH_PX - 2 * PAD_PX} height={HEIGHT_PX - 2 * PAD_PX} className="curve-frame" />
      {interp === 'bezier' && (
        <>
          <line x1={x(0)} y1={y(0)} x2={x(handles.outX)} y2={y(handles.outY)} className="curve-handle" />
          <line x1={x(1)} y1={y(1)} x2={x(handles.inX)} y2={y(handles.inY)} className="curve-handle" />
          <circle cx={x(handles.outX)} cy={y(handles.outY)} r={2.5} className="curve-handle-dot" />
          <circle cx={x(handles.inX)} cy={y(handles.inY)} r={2.5} className="curve-handle-dot" />
        </>
      )}
      <polyline points={points.join(' ')} className="curve-line" />
    </svg>
  );
}
