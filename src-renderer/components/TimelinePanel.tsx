import type { PointerEvent as ReactPointerEvent } from 'react';
import { useEffect, useRef } from 'react';
import { useAudioPeaks } from '../hooks/use-audio-peaks';
import { useElementWidth } from '../hooks/use-element-width';
import { assetInUse } from '../state/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { formatTimecode } from '../util/format';
import { Panel } from './Panel';
import { TimeRuler } from './TimeRuler';
import { Waveform } from './Waveform';

/** Peak pairs per second asked of the services: 10 ms each, finer than any screen needs at fit. */
const PEAKS_PER_SEC = 100;
/** What the ruler spans before any audio is imported. */
const EMPTY_TIMELINE_SEC = 10;

export function TimelinePanel() {
  const { studio, actions } = useStudio();
  const audio = useStudioSelector((s) => (s.document === null ? null : assetInUse(s.document, 'audio')));
  const workDir = useStudioSelector((s) => s.session.workDir);
  const fps = useStudioSelector((s) => s.document?.settings.fps ?? 30);
  const playheadTimeSec = useStudioSelector((s) => s.session.playheadTimeSec);
  const peaks = useAudioPeaks(studio, workDir, audio?.relPath ?? null, PEAKS_PER_SEC);
  const lane = useRef<HTMLDivElement>(null);
  const laneWidthPx = useElementWidth(lane);

  useEffect(() => {
    if (peaks.state === 'error') actions.reportError('Drawing the waveform', { code: 'io-error', message: peaks.message });
  }, [peaks, actions]);

  const mediaDurationSec = audio?.media.kind === 'audio' ? audio.media.durationSec : null;
  const durationSec = peaks.state === 'ready' ? peaks.peaks.durationSec : (mediaDurationSec ?? EMPTY_TIMELINE_SEC);
  const playheadXPx = durationSec > 0 ? (Math.min(playheadTimeSec, durationSec) / durationSec) * laneWidthPx : 0;

  const scrub = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (event.type === 'pointermove' && (event.buttons & 1) === 0) return;
    if (event.type === 'pointerdown') event.currentTarget.setPointerCapture(event.pointerId);
    const bounds = event.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - bounds.left) / Math.max(1, bounds.width)));
    actions.setPlayhead(fraction * durationSec);
  };

  const info = `${formatTimecode(playheadTimeSec)}  ·  frame ${Math.round(playheadTimeSec * fps)}  /  ${formatTimecode(durationSec)}  @ ${fps} fps`;
  return (
    <Panel title="Timeline" info={info} className="timeline-panel">
      <div className="timeline-grid">
        <div className="track-header-corner" />
        <TimeRuler durationSec={durationSec} widthPx={laneWidthPx} onScrub={scrub} />
        <div className="track-header">
          <span className="track-header-name">Audio</span>
          <span className="track-header-meta" title={audio?.originalName}>{audio?.originalName ?? 'none'}</span>
          {audio?.media.kind === 'audio' && (
            <span className="track-header-meta">
              {(audio.media.sampleRateHz / 1000).toFixed(1)} kHz · {audio.media.channelCount === 1 ? 'mono' : `${audio.media.channelCount} ch`}
            </span>
          )}
        </div>
        <div className="track-lane" ref={lane} onPointerDown={scrub} onPointerMove={scrub}>
          {peaks.state === 'ready' && <Waveform peaks={peaks.peaks} />}
          {peaks.state === 'loading' && <div className="lane-message">Computing waveform…</div>}
          {peaks.state === 'error' && <div className="lane-message inline-error">The waveform could not be drawn: {peaks.message}</div>}
          {peaks.state === 'idle' && <div className="lane-message">Import a voice recording (Import Audio, or drop a file on the window) to see its waveform here.</div>}
        </div>
        {/* Spans ruler and lane, so the playhead reads as one line from the time to the audio. */}
        <div className="playhead-layer">
          <div className="playhead" style={{ left: playheadXPx }} data-testid="playhead">
            <div className="playhead-cap" />
          </div>
        </div>
      </div>
    </Panel>
  );
}
