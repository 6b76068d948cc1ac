import type { ReactNode } from 'react';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { MAX_TIMELINE_ZOOM } from '../state/studio-state';
import { playheadFrame } from '../state/timeline-math';
import { formatTimecode } from '../util/format';
import { ToolButton } from './ToolButton';

/** Play controls, the playhead's time and frame, markers and zoom, above the timeline's lanes. */
export function TransportBar({ durationSec, children }: { readonly durationSec: number; readonly children?: ReactNode }) {
  const { view, playback, edits } = useStudio();
  const playing = useStudioSelector((s) => s.ephemeral.playing);
  const rate = useStudioSelector((s) => s.ephemeral.playbackRate);
  const playheadTimeSec = useStudioSelector((s) => s.session.playheadTimeSec);
  const frameIndex = useStudioSelector((s) => playheadFrame(s).frameIndex);
  const frameCount = useStudioSelector((s) => playheadFrame(s).frameCount);
  const fps = useStudioSelector((s) => s.document?.settings.fps ?? 30);
  const zoom = useStudioSelector((s) => s.session.timelineZoom);
  const hasProject = useStudioSelector((s) => s.document !== null);
  const loop = useStudioSelector((s) => s.document?.loop ?? null);
  const audioScrub = useStudioSelector((s) => s.ephemeral.audioScrub);
  const scrubSlices = useStudioSelector((s) => s.ephemeral.scrubSlices);

  return (
    <div className="transport-bar" role="toolbar" aria-label="Transport">
      <ToolButton icon="to-start" label="Go to start" iconOnly testId="btn-to-start" tooltip="Go to the first frame (Home)" disabled={!hasProject} onClick={() => playback.scrubTo(0)} />
      <ToolButton
        icon={playing ? 'pause' : 'play'}
        label={playing ? 'Pause' : 'Play'}
        iconOnly
        testId="btn-play"
        tooltip={playing ? 'Pause (Space or K)' : 'Play with sound (Space or L). J plays backwards without sound; press J or L again for 2×, 4×, 8×; K pauses'}
        disabled={!hasProject}
        pressed={playing}
        onClick={() => playback.toggle()}
      />
      <ToolButton icon="to-end" label="Go to end" iconOnly testId="btn-to-end" tooltip="Go to the last frame (End)" disabled={!hasProject} onClick={() => playback.scrubTo(playback.endSec())} />
      <span className="transport-time" data-testid="transport-time" data-frame-count={frameCount} title="Playhead time (←/→ step one frame)">
        {formatTimecode(playheadTimeSec)}
        <span className="transport-frame">
          frame {frameIndex} / {frameCount - 1}
        </span>
      </span>
      <ToolButton
        icon="loop"
        label="Loop"
        iconOnly
        testId="btn-loop"
        tooltip={loop === null ? 'Loop playback (set the range with I and O at the playhead)' : `Loop ${formatTimecode(loop.inSec)} – ${formatTimecode(loop.outSec)} (I / O set it)`}
        disabled={!hasProject}
        pressed={loop?.enabled === true}
        onClick={() => edits.toggleLoop()}
      />
      <ToolButton
        icon="audio"
        label="Audio scrub"
        iconOnly
        testId="btn-audio-scrub"
        tooltip={audioScrub ? 'Audio scrubbing on: dragging the playhead plays the sound under it' : 'Audio scrubbing off'}
        pressed={audioScrub}
        onClick={() => view.setAudioScrub(!audioScrub)}
      />
      <span hidden data-testid="scrub-slices" data-count={scrubSlices} />
      {loop !== null && (
        <span className="transport-loop" data-testid="loop-range" data-in-sec={loop.inSec.toFixed(4)} data-out-sec={loop.outSec.toFixed(4)} data-enabled={loop.enabled}>
          I {formatTimecode(loop.inSec)} · O {formatTimecode(loop.outSec)}
        </span>
      )}
      {playing && (
        <span
          className="transport-rate"
          data-testid="playback-rate"
          data-rate={rate}
          title="Playback speed: J and L shuttle backwards and forwards (again: 2×, 4×, 8×), K pauses"
          aria-label={`Playing ${rate < 0 ? 'backwards' : 'forwards'} at ${Math.abs(rate)}× speed`}
        >
          {rate < 0 ? '◀' : '▶'} {Math.abs(rate)}×
        </span>
      )}
      <span className="transport-meta" data-testid="transport-duration">
        {formatTimecode(durationSec)} @ {fps} fps
      </span>
      <div className="transport-spacer">{children}</div>
      <ToolButton icon="marker" label="Add marker" testId="btn-add-marker" tooltip="Add a marker at the playhead (M)" disabled={!hasProject} onClick={() => edits.addMarkerAtPlayhead()} />
      <label className="zoom-control" title="Timeline zoom (Ctrl+wheel over the timeline)">
        <span>Zoom</span>
        <input
          type="range"
          data-testid="timeline-zoom"
          aria-label="Timeline zoom"
          min={0}
          max={Math.log2(MAX_TIMELINE_ZOOM)}
          step={0.01}
          value={Math.log2(zoom)}
          onChange={(event) => view.setTimelineZoom(2 ** Number(event.target.value))}
        />
        <span className="zoom-value">×{zoom < 10 ? zoom.toFixed(1) : Math.round(zoom)}</span>
      </label>
    </div>
  );
}
