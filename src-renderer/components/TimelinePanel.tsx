import { useAudioPeaks } from '../hooks/use-audio-peaks';
import { assetInUse } from '../../src-shared/project/derived';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { timelineDurationSec } from '../state/timeline-math';
import { Panel } from './Panel';
import { TimelineView } from './TimelineView';
import { GraphEditor } from './GraphEditor';
import { KeyContextMenu } from './KeyContextMenu';
import { LayersBar } from './LayersBar';
import { TransportBar } from './TransportBar';

/** Peak pairs per second asked of the services: 10 ms each, enough up to a few times zoom. */
const PEAKS_PER_SEC = 100;

export function TimelinePanel() {
  const { studio } = useStudio();
  const audioRelPath = useStudioSelector((s) => (s.document === null ? null : (assetInUse(s.document, 'audio')?.relPath ?? null)));
  const workDir = useStudioSelector((s) => s.session.workDir);
  const peaks = useAudioPeaks(studio, workDir, audioRelPath, PEAKS_PER_SEC);
  // The project's length (derived.ts), not the waveform's: ruler, counter and export agree.
  const durationSec = useStudioSelector(timelineDurationSec);
  const graphChannels = useStudioSelector((s) => s.ephemeral.graphChannels);

  return (
    <Panel title="Timeline" className="timeline-panel" bodyClassName="timeline-body" testId="timeline-panel" focusHome>
      <TransportBar durationSec={durationSec}>
        <LayersBar />
      </TransportBar>
      {graphChannels === null ? <TimelineView durationSec={durationSec} peaks={peaks} /> : <GraphEditor channels={graphChannels} />}
      <KeyContextMenu />
    </Panel>
  );
}
