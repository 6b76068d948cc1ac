import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import type { AudioPeaks } from '../hooks/use-audio-peaks';
import { peaksToChannels } from '../hooks/use-audio-peaks';

const WAVE_COLOR = '#4fb8ac';

/**
 * The audio's waveform, drawn by wavesurfer.js from peaks the services computed: no audio is
 * decoded in the browser. It fills its lane (`widthPx`, which grows with the timeline zoom);
 * wavesurfer redraws when that width changes. `data-state` turns 'ready' once wavesurfer has drawn
 * every canvas at the current width.
 */
export function Waveform({ peaks, widthPx }: { readonly peaks: AudioPeaks; readonly widthPx: number }) {
  const container = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState<{ peaks: AudioPeaks; widthPx: number } | null>(null);

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
    const unsubscribe = surfer.on('redrawcomplete', () => setDrawn({ peaks, widthPx: Math.round(element.clientWidth) }));
    return () => {
      unsubscribe();
      surfer.destroy();
    };
  }, [peaks]);

  const ready = drawn !== null && drawn.peaks === peaks && Math.abs(drawn.widthPx - widthPx) <= 1;
  return <div ref={container} className="waveform" style={{ width: widthPx }} data-testid="waveform" data-state={ready ? 'ready' : 'drawing'} data-duration-sec={peaks.durationSec.toFixed(3)} />;
}
