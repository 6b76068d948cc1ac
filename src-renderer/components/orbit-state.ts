/** Camera placement around a target on a sphere; angles in radians, distance in scene units. */
export interface OrbitState {
  readonly azimuthRad: number;
  /** From the +Y axis: 0 looks straight down, PI/2 is level. */
  readonly polarRad: number;
  readonly distance: number;
  readonly target: readonly [number, number, number];
}

/** A three-quarter view of the head, slightly from above, as portrait tools open. */
export const DEFAULT_ORBIT: OrbitState = { azimuthRad: 0.35, polarRad: 1.22, distance: 4.6, target: [0, 0.9, 0] };

/** Sculpt mode's view: the face from the front, close enough to pick single landmarks. */
export const SCULPT_ORBIT: OrbitState = { azimuthRad: 0, polarRad: Math.PI / 2 - 0.05, distance: 2.3, target: [0, 1.22, 0] };

export type Vec3 = readonly [number, number, number];

/** The camera's screen axes in world space: `right`, `up`, and `back` (from the target to the camera). */
export function cameraBasis(orbit: OrbitState): { right: Vec3; up: Vec3; back: Vec3 } {
  const { azimuthRad: a, polarRad: p } = orbit;
  return {
    right: [Math.cos(a), 0, -Math.sin(a)],
    up: [-Math.cos(p) * Math.sin(a), Math.sin(p), -Math.cos(p) * Math.cos(a)],
    back: [Math.sin(p) * Math.sin(a), Math.cos(p), Math.sin(p) * Math.cos(a)],
  };
}

const MIN_POLAR_RAD = 0.05;
const MAX_POLAR_RAD = Math.PI - 0.05;
const MIN_DISTANCE = 1.2;
const MAX_DISTANCE = 40;

export function cameraPosition(orbit: OrbitState): [number, number, number] {
  const { azimuthRad, polarRad, distance, target } = orbit;
  const ring = Math.sin(polarRad) * distance;
  return [target[0] + ring * Math.sin(azimuthRad), target[1] + Math.cos(polarRad) * distance, target[2] + ring * Math.cos(azimuthRad)];
}

/** Drag by (dxPx, dyPx) over a viewport `heightPx` tall: a full-height drag turns by PI. */
export function rotate(orbit: OrbitState, dxPx: number, dyPx: number, heightPx: number): OrbitState {
  const radPerPx = Math.PI / Math.max(1, heightPx);
  const polarRad = Math.min(MAX_POLAR_RAD, Math.max(MIN_POLAR_RAD, orbit.polarRad - dyPx * radPerPx));
  return { ...orbit, azimuthRad: orbit.azimuthRad - dxPx * radPerPx, polarRad };
}

/** Wheel zoom: multiplicative, so each notch feels the same near and far. */
export function dolly(orbit: OrbitState, wheelDeltaPx: number): OrbitState {
  const distance = Math.min(MAX_DISTANCE, Math.max(MIN_DISTANCE, orbit.distance * Math.exp(wheelDeltaPx * 0.001)));
  return { ...orbit, distance };
}

/**
 * Moves the target in the camera's screen plane so the grabbed point follows the pointer
 * (for a vertical field of view of `fovDeg`).
 */
export function pan(orbit: OrbitState, dxPx: number, dyPx: number, heightPx: number, fovDeg: number): OrbitState {
  const unitsPerPx = (2 * orbit.distance * Math.tan((fovDeg * Math.PI) / 360)) / Math.max(1, heightPx);
  const { right, up } = cameraBasis(orbit);
  const [tx, ty, tz] = orbit.target;
  const mx = -dxPx * unitsPerPx;
  const my = dyPx * unitsPerPx;
  return { ...orbit, target: [tx + right[0] * mx + up[0] * my, ty + right[1] * mx + up[1] * my, tz + right[2] * mx + up[2] * my] };
}
