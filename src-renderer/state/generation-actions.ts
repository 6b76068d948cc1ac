import { ExpressionRig } from '../../src-shared/face/expression-rig';
import type { FaceParamTrack } from '../../src-shared/face/face-param-track';
import { packedParamTrack } from '../../src-shared/face/face-param-track';
import type { ResponseOf } from '../../src-shared/ipc/contract';
import { JOB_PROGRESS_CHANNEL } from '../services/push-channels';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import { randomId } from '../../src-shared/util/ids';
import type { StudioErrorInfo } from '../../src-shared/util/result';
import { trackInputsKey } from '../../src-shared/project/derived';
import type { GeneratedTrack } from './generation-state';
import type { StudioState } from './studio-state';
import type { StudioStore } from './studio-store';
import { setStatus } from './store-updates';

type GenerateResponse = ResponseOf<'track:generate'>;

/** The track as it came (FaceParamTrack's own layout): views over the received arrays, no copy. */
export function toFaceParamTrack(track: GenerateResponse['track']): FaceParamTrack {
  return packedParamTrack(track.fps, track.frameCount, track.params, track.poses, track.meshOffsetsCm);
}

/**
 * Runs the Audio2Lmk engine through track:generate: on request (the Generate button) and by itself
 * whenever the inputs that decide the track change while photo and audio are both set (an
 * import, Open, a new seed or fps). Keyframes live in the document, so they survive regenerating.
 */
export class GenerationActions {
  constructor(
    private readonly studio: StudioApi,
    private readonly store: StudioStore,
    private readonly report: (action: string, error: StudioErrorInfo) => void,
  ) {
    studio.on(JOB_PROGRESS_CHANNEL, ({ jobId, fraction, message }) => {
      this.store.update((s) => {
        const job = s.ephemeral.generation;
        if (job.status !== 'running' || job.jobId !== jobId) return s;
        return { ...s, ephemeral: { ...s.ephemeral, generation: { ...job, fraction, message } } };
      });
    });
    store.subscribe(() => this.autoGenerate(store.getState()));
  }

  async generate(): Promise<void> {
    const state = this.store.getState();
    const { document } = state;
    const { workDir } = state.session;
    if (document === null || workDir === null) return;
    const inputsKey = trackInputsKey(document);
    if (inputsKey === null) {
      this.report('Generating the track', { code: 'unavailable', message: 'Import a portrait photo and a voice recording first.' });
      return;
    }
    const running = state.ephemeral.generation;
    if (running.status === 'running') {
      if (running.inputsKey === inputsKey) return;
      void this.studio.jobs.cancel({ jobId: running.jobId });
    }
    const jobId = randomId('gen');
    this.store.update((s) => setStatus({ ...s, ephemeral: { ...s.ephemeral, generation: { status: 'running', jobId, inputsKey, fraction: 0, message: 'Starting' } } }, 'info', 'Generating the landmark track…'));
    const result = await this.studio.track.generate({ workDir, document, jobId });
    const now = this.store.getState();
    const job = now.ephemeral.generation;
    // A newer run (or another project) took over: its own answer will land.
    if (job.status !== 'running' || job.jobId !== jobId) return;
    if (!result.ok) {
      this.store.update((s) => ({ ...s, ephemeral: { ...s.ephemeral, generation: result.error.code === 'cancelled' ? { status: 'cancelled', inputsKey } : { status: 'failed', inputsKey, message: result.error.message } } }));
      if (result.error.code === 'cancelled') this.store.update((s) => setStatus(s, 'info', 'Track generation cancelled'));
      else this.report('Generating the track', result.error);
      return;
    }
    const { rig, track, warnings } = result.value;
    const generated: GeneratedTrack = { inputsKey, rig, track: toFaceParamTrack(track), expression: new ExpressionRig(rig.lmks3dCm), warnings };
    const seconds = (track.frameCount / track.fps).toFixed(2);
    this.store.update((s) =>
      setStatus({ ...s, ephemeral: { ...s.ephemeral, generated, generation: { status: 'idle' } } }, 'info', `Generated ${track.frameCount} frames (${seconds} s at ${track.fps} fps)${warnings.length > 0 ? ` — ${warnings.join(' ')}` : ''}`),
    );
  }

  cancel(): void {
    const job = this.store.getState().ephemeral.generation;
    if (job.status === 'running') void this.studio.jobs.cancel({ jobId: job.jobId });
  }

  /** Each set of inputs generates once by itself; a failure or a cancel is not retried until they change. */
  private autoGenerate(state: StudioState): void {
    const key = state.document === null ? null : trackInputsKey(state.document);
    const job = state.ephemeral.generation;
    if (key === null || state.session.workDir === null || state.ephemeral.generated?.inputsKey === key) return;
    if (job.status !== 'idle' && job.inputsKey === key) return;
    void this.generate();
  }
}
