import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeEnvelopeParts } from '../../src-shared/ipc/binary-envelope.js';
import type { InvokeChannel, RequestOf, ResponseOf } from '../../src-shared/ipc/contract.js';
import { CHANNEL } from '../../src-shared/ipc/contract.js';
import type { Result } from '../../src-shared/util/result.js';
import { createRouter } from '../ipc/router.js';
import { canSynthesizeSpeech, synthesizeSpeechFile } from '../media/bench-media.js';
import { NO_NATIVE_DIALOGS } from '../services/dialogs.js';
import { createStudioHandlers } from '../services/studio-services.js';

const FRAMES = 60;

/**
 * The preview's round trip on the Node side, as the web host serves it: the document sent once
 * (preview:set-document, parsed once), then frames asked for by revision (request parsed, frame
 * rendered by the warp at the preview size, response checked and put into the binary envelope's parts, as the host sends them).
 * Per-frame medians of FRAMES new frames, at the full size of a 448 px preview and at its draft.
 */
export async function previewFigures(photoPath: string): Promise<Record<string, number | string>> {
  if (!existsSync(photoPath) || !canSynthesizeSpeech()) return { preview: 'skipped: needs a photo and espeak-ng + sox' };
  const root = mkdtempSync(join(tmpdir(), 'aniportrait-bench-preview-'));
  try {
    const router = createRouter(createStudioHandlers({ host: 'cli', dirs: { dataDir: join(root, 'data'), projectsDir: join(root, 'projects') }, dialogs: NO_NATIVE_DIALOGS }));
    const call = async <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
      const outcome = await router.route(channel, request, { trusted: true, description: 'bench' }, { signal: new AbortController().signal, push: () => {} });
      const result = (outcome.kind === 'answered' ? outcome.result : { ok: false, error: { message: outcome.reason } }) as Result<ResponseOf<C>>;
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.value;
    };
    const bytes = (path: string) => {
      const b = readFileSync(path);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    };
    const speech = join(root, 'speech.wav');
    synthesizeSpeechFile('The quick brown fox jumps over the lazy dog.', 10, speech);
    const opened = await call(CHANNEL.projectNew, { name: 'Bench' });
    const { workDir } = opened;
    const photo = await call(CHANNEL.assetsImport, { workDir, role: 'photo', source: { kind: 'bytes', fileName: 'photo.png', data: bytes(photoPath) } });
    const audio = await call(CHANNEL.assetsImport, { workDir, role: 'audio', source: { kind: 'bytes', fileName: 'speech.wav', data: bytes(speech) } });
    const document = { ...opened.document, assets: [photo, audio], photoAssetId: photo.id, audioAssetId: audio.id };
    await call(CHANNEL.trackGenerate, { workDir, document, jobId: 'bench' });

    const previewId = 'bench-preview';
    let revision = 0;
    const setStarted = performance.now();
    const sets = 20;
    for (let i = 0; i < sets; i++) await call(CHANNEL.previewSetDocument, { previewId, revision: ++revision, workDir, document });
    const setDocumentMs = (performance.now() - setStarted) / sets;
    const perFrame = async (targetWidthPx: number, firstFrame: number) => {
      const samples: number[] = [];
      for (let f = 0; f < FRAMES; f++) {
        const started = performance.now();
        const frame = await call(CHANNEL.previewRenderFrame, { previewId, revision, frameIndex: firstFrame + f, targetWidthPx });
        encodeEnvelopeParts({ kind: 'result', callId: f, result: { ok: true, value: frame } });
        samples.push(performance.now() - started);
      }
      samples.sort((a, b) => a - b);
      return Math.round(samples[Math.floor(FRAMES / 2)] * 100) / 100;
    };
    // Warm the renderers of both sizes (the photo resampled for each), as the first scrub does.
    await perFrame(448, 200);
    await perFrame(112, 200);
    return {
      preview_set_document_ms: Math.round(setDocumentMs * 100) / 100,
      preview_round_trip_ms_per_frame_448: await perFrame(448, 0),
      preview_round_trip_ms_per_frame_draft_112: await perFrame(112, 100),
      preview_cached_round_trip_ms_per_frame_448: await perFrame(448, 0),
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
