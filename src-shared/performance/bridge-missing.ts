/** A run of frames where no face was found: `startFrame` and how many frames. */
export interface MissingRun {
  readonly startFrame: number;
  readonly frameCount: number;
}

/** The runs of null entries in `frames`, in order. */
export function missingRuns(frames: readonly unknown[]): MissingRun[] {
  const runs: MissingRun[] = [];
  for (let f = 0; f < frames.length; f++) {
    if (frames[f] !== null) continue;
    const start = f;
    while (f + 1 < frames.length && frames[f + 1] === null) f++;
    runs.push({ startFrame: start, frameCount: f - start + 1 });
  }
  return runs;
}

/**
 * Fills the frames where no face was found: rows of `channels` values per frame, `known[f]` false
 * where a row is missing. A gap between two tracked frames is bridged linearly; frames before the
 * first (after the last) tracked frame hold it. At least one frame must be known.
 */
export function bridgeRowsInPlace(rows: Float32Array, channels: number, known: readonly boolean[]): Float32Array {
  const frames = known.length;
  const first = known.indexOf(true);
  if (first < 0) throw new Error('bridgeRowsInPlace: no known frame');
  const copyRow = (from: number, to: number) => rows.copyWithin(to * channels, from * channels, (from + 1) * channels);
  for (let f = 0; f < first; f++) copyRow(first, f);
  let last = first;
  for (let f = first + 1; f < frames; f++) {
    if (!known[f]) continue;
    for (let g = last + 1; g < f; g++) {
      const t = (g - last) / (f - last);
      for (let k = 0; k < channels; k++) rows[g * channels + k] = rows[last * channels + k] * (1 - t) + rows[f * channels + k] * t;
    }
    last = f;
  }
  for (let f = last + 1; f < frames; f++) copyRow(last, f);
  return rows;
}
