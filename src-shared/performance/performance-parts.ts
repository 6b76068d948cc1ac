/** The parts of a performance that can drive the photo, each on its own. */
export const PERFORMANCE_PARTS = ['pose', 'expression', 'mouth', 'blinks'] as const;
export type PerformancePart = (typeof PERFORMANCE_PARTS)[number];

/** Per part: whether the performance drives it, and how strongly (1 = as performed). */
export type PerformancePartSettings = Readonly<Record<PerformancePart, { readonly keep: boolean; readonly strength: number }>>;

/** The strength range of a part (0 = still, 2 = twice the performance). */
export const PERFORMANCE_STRENGTH_LIMITS = [0, 2] as const;

/** Every part kept at full strength: what a reenactment does unless told otherwise. */
export const ALL_PERFORMANCE_PARTS: PerformancePartSettings = {
  pose: { keep: true, strength: 1 },
  expression: { keep: true, strength: 1 },
  mouth: { keep: true, strength: 1 },
  blinks: { keep: true, strength: 1 },
};

/** The strength a part is applied with: 0 when it is not kept. */
export function partGain(parts: PerformancePartSettings, part: PerformancePart): number {
  return parts[part].keep ? parts[part].strength : 0;
}
