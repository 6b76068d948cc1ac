/** Label spacings the ruler may use, in seconds; it picks the first that leaves room for labels. */
const MAJOR_STEPS_SEC = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
const MIN_LABEL_SPACING_PX = 64;

export interface RulerTick {
  readonly timeSec: number;
  readonly xPx: number;
  readonly major: boolean;
}

/** Ticks for a ruler `widthPx` wide showing 0..durationSec. */
export function rulerTicks(durationSec: number, widthPx: number): { ticks: RulerTick[]; majorStepSec: number } {
  if (durationSec <= 0 || widthPx <= 0) return { ticks: [], majorStepSec: 1 };
  const pxPerSec = widthPx / durationSec;
  const majorStepSec = MAJOR_STEPS_SEC.find((step) => step * pxPerSec >= MIN_LABEL_SPACING_PX) ?? MAJOR_STEPS_SEC[MAJOR_STEPS_SEC.length - 1];
  // Steps starting with 2 divide evenly in quarters, the others in fifths.
  const minorPerMajor = String(majorStepSec).replace(/^0\.?0*/, '').startsWith('2') ? 4 : 5;
  const minorStepSec = majorStepSec / minorPerMajor;
  const ticks: RulerTick[] = [];
  const count = Math.floor(durationSec / minorStepSec + 1e-6);
  for (let i = 0; i <= count; i++) {
    const timeSec = i * minorStepSec;
    ticks.push({ timeSec, xPx: timeSec * pxPerSec, major: i % minorPerMajor === 0 });
  }
  return { ticks, majorStepSec };
}

export function rulerLabel(timeSec: number, majorStepSec: number): string {
  if (majorStepSec < 1) return `${timeSec.toFixed(1)}s`;
  const minutes = Math.floor(timeSec / 60);
  const seconds = Math.round(timeSec - minutes * 60);
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
