import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import type { AudioPeaks } from '../hooks/use-audio-peaks';
import { peaksToChannels } from '../hooks/use-audio-peaks';

const WAVE_COLOR = '#4fb8ac';

/**
 * The audio's waveform, drawn by wavesurfer.js from peaks the services computed: no audio is
 * decoded in the browser. `data-state` turns 'ready' once wavesurfer has drawn every canvas.
 */
export function Waveform({ peaks }: { readonly peaks: AudioPeaks }) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<AudioPeaks | null>(null);

  useEffect(() => {
    const element = container.current;
    if (element === null || peaks.durationSec <= 0 || peaks.minMax.length < 2) return;
    const surfer = WaveSurfer.create({
      container: element,
      height: Math.max(24, element.clientHeight),
      waveColor: WAVE_COLOR,
      progressColor: WAVE_COLOR,
      cursorWidth: 0,
      // The timeline owns the playhead; wavesurfer only draws.
      interact: false,
      hideScrollbar: true,
      peaks: peaksToChannels(peaks.minMax),
      duration: peaks.durationSec,
    });
    const unsubscribe = surfer.on('redrawcomplete', () => setDrawn(peaks));
    return () => {
      unsubscribe();
      surfer.destroy();
    };
  }, [peaks]);

  return (
    <div
      ref={container}
      className="waveform"
      data-testid="waveform"
      data-state={drawn === peaks ? 'ready' : 'drawing'}
      data-duration-sec={peaks.durationSec.toFixed(3)}
    />
  );
}
