import type { OrbitState, Vec3 } from './orbit-state';
import { cameraBasis } from './orbit-state';

const AXES: readonly { label: string; direction: Vec3; color: string }[] = [
  { label: 'X', direction: [1, 0, 0], color: '#e0524a' },
  { label: 'Y', direction: [0, 1, 0], color: '#7cc14f' },
  { label: 'Z', direction: [0, 0, 1], color: '#4f8fe0' },
];
const SIZE_PX = 70;
const RADIUS_PX = 24;

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** Blender-style orientation gizmo: the world axes as the camera sees them, nearest on top. */
export function AxisGizmo({ orbit }: { readonly orbit: OrbitState }) {
  const { right, up, back } = cameraBasis(orbit);
  const centre = SIZE_PX / 2;
  const projected = AXES.map((axis) => ({
    ...axis,
    xPx: centre + dot(axis.direction, right) * RADIUS_PX,
    yPx: centre - dot(axis.direction, up) * RADIUS_PX,
    depth: dot(axis.direction, back),
  })).sort((a, b) => a.depth - b.depth);

  return (
    <svg className="axis-gizmo" width={SIZE_PX} height={SIZE_PX} viewBox={`0 0 ${SIZE_PX} ${SIZE_PX}`} aria-label="Axis orientation" role="img">
      <circle cx={centre} cy={centre} r={centre - 2} fill="rgba(0, 0, 0, 0.25)" />
      {projected.map((axis) => (
        <g key={axis.label} opacity={axis.depth < -0.3 ? 0.55 : 1}>
          <line x1={centre} y1={centre} x2={axis.xPx} y2={axis.yPx} stroke={axis.color} strokeWidth={2} />
          <circle cx={axis.xPx} cy={axis.yPx} r={7} fill={axis.color} />
          <text x={axis.xPx} y={axis.yPx + 3.5} textAnchor="middle" fontSize={9.5} fontWeight={700} fill="#111">
            {axis.label}
          </text>
        </g>
      ))}
    </svg>
  );
}
