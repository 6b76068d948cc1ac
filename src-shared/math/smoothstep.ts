/**
 * 0 at lo, 1 at hi, a smooth (C1) ramp between: soft thresholds that do not flicker. lo may be
 * above hi for a falling ramp.
 */
export function smoothstep(x: number, lo: number, hi: number): number {
  const t = Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}
