import { useEffect, useState } from 'react';
import type { CHANNEL, ResponseOf } from '../../src-shared/ipc/contract';
import type { StudioApi } from '../../src-shared/ipc/studio-api';

export type AudioPeaks = ResponseOf<typeof CHANNEL.audioPeaks>;

export type AudioPeaksState =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly peaks: AudioPeaks }
  | { readonly state: 'error'; readonly message: string };

/** Waveform peaks computed by the services (ffmpeg decodes; the browser never does). */
export function useAudioPeaks(studio: StudioApi, workDir: string | null, relPath: string | null, peaksPerSec: number): AudioPeaksState {
  const [result, setResult] = useState<{ key: string; value: AudioPeaksState } | null>(null);
  const key = workDir !== null && relPath !== null ? `${workDir}\n${relPath}\n${peaksPerSec}` : null;

  useEffect(() => {
    if (workDir === null || relPath === null || key === null) return;
    let cancelled = false;
    void studio.audio.peaks({ workDir, relPath, peaksPerSec }).then((peaks) => {
      if (cancelled) return;
      setResult({ key, value: peaks.ok ? { state: 'ready', peaks: peaks.value } : { state: 'error', message: peaks.error.message } });
    });
    return () => {
      cancelled = true;
    };
  }, [studio, workDir, relPath, peaksPerSec, key]);

  if (key === null) return { state: 'idle' };
  return result !== null && result.key === key ? result.value : { state: 'loading' };
}

/**
 * Splits interleaved [min, max] pairs into two channels for wavesurfer, which draws channel 0
 * above the axis and channel 1 below it: the maxima on top, the minima underneath.
 */
export function peaksToChannels(minMax: Float32Array): [Float32Array, Float32Array] {
  const pairCount = Math.floor(minMax.length / 2);
  const maxima = new Float32Array(pairCount);
  const minima = new Float32Array(pairCount);
  for (let i = 0; i < pairCount; i++) {
    minima[i] = minMax[2 * i];
    maxima[i] = minMax[2 * i + 1];
  }
  return [maxima, minima];
}
