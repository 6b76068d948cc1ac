import { useEffect } from 'react';
import type { AudioPeaksState } from '../hooks/use-audio-peaks';
import { assetInUse } from '../../src-shared/project/derived';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { useScrubPointer } from '../hooks/use-scrub-pointer';
import { useTimelineGeometry } from './timeline-geometry';
import { Waveform } from './Waveform';

/** The audio row: a sticky header naming the recording, and its waveform; dragging on it scrubs. */
export function AudioLane({ peaks }: { readonly peaks: AudioPeaksState }) {
  const { notifier } = useStudio();
  const audio = useStudioSelector((s) => (s.document === null ? null : assetInUse(s.document, 'audio')));
  const { contentWidthPx, pxPerSec } = useTimelineGeometry();

  useEffect(() => {
    if (peaks.state === 'error') notifier.fail('Drawing the waveform', { code: 'io-error', message: peaks.message });
  }, [peaks, notifier]);

  const scrub = useScrubPointer();

  return (
    <div className="timeline-row audio-row">
      <div className="row-header track-header">
        <span className="track-header-name">Audio</span>
        <span className="track-header-meta" title={audio?.originalName}>{audio?.originalName ?? 'none'}</span>
        {audio?.media.kind === 'audio' && (
          <span className="track-header-meta">
            {(audio.media.sampleRateHz / 1000).toFixed(1)} kHz · {audio.media.channelCount === 1 ? 'mono' : `${audio.media.channelCount} ch`}
          </span>
        )}
      </div>
      <div className="track-lane" style={{ width: contentWidthPx }} onPointerDown={scrub} onPointerMove={scrub}>
        {/* The audio's own length: the last frame may run a little past its end. */}
        {peaks.state === 'ready' && <Waveform peaks={peaks.peaks} widthPx={Math.round(Math.min(contentWidthPx, peaks.peaks.durationSec * pxPerSec))} />}
        {peaks.state === 'loading' && <div className="lane-message">Computing waveform…</div>}
        {peaks.state === 'error' && <div className="lane-message inline-error">The waveform could not be drawn: {peaks.message}</div>}
        {peaks.state === 'idle' && <div className="lane-message lane-message-start">Import a voice recording (Import Audio, or drop a file on the window) to see its waveform here.</div>}
      </div>
    </div>
  );
}
