/** 0 below lo, 1 above hi, a smooth (C1) ramp between: soft thresholds that do not flicker. */
export function smoothstep(x: number, lo: number, hi: number): number {
  const t = Math.min(1, Math.max(0, (x - lo) / (hi - lo)));
  return t * t * (3 - 2 * t);
}
