import { existsSync } from 'node:fs';
import { ExpressionRig } from '../../src-shared/face/expression-rig.js';
import { toLandmarkTrack } from '../../src-shared/face/face-param-track.js';
import { generateBuiltinTrack } from '../engines/builtin/generate-track.js';
import { analyzePhoto } from '../face/analyze-photo.js';
import { loadFaceMesh } from '../face/human-face-mesh.js';
import { ANALYSIS_RATE_HZ } from '../media/decode-audio-clip.js';
import { canSynthesizeSpeech, synthesizeSpeech } from '../media/bench-media.js';

const CLIP_SEC = 60;

/**
 * Built-in Audio2Lmk figures: track generation speed as a multiple of real time on a 60 s clip
 * (espeak-ng speech when installed, otherwise synthetic syllables), and face analysis per photo.
 */
export async function audio2lmkFigures(photoPath: string | undefined): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const samples = await benchSpeech();
  figures.audio2lmk_clip_source = samples.source;
  const started = performance.now();
  const params = await generateBuiltinTrack({ samples: samples.pcm, fps: 30, seed: 1, poseSource: { kind: 'audio' } });
  const trackMs = performance.now() - started;
  figures.audio2lmk_realtime_multiple = Math.round((CLIP_SEC * 1000) / trackMs);
  figures.audio2lmk_ms_per_60s_clip = Math.round(trackMs);
  if (photoPath && existsSync(photoPath)) {
    const loadStart = performance.now();
    await loadFaceMesh();
    figures.face_model_load_ms = Math.round(performance.now() - loadStart);
    await analyzePhoto(photoPath, 'bench photo');
    const runs = 5;
    const analyzeStart = performance.now();
    let rig;
    for (let i = 0; i < runs; i++) rig = (await analyzePhoto(photoPath, 'bench photo')).rig;
    figures.face_analysis_ms_per_photo = Math.round((performance.now() - analyzeStart) / runs);
    if (rig) {
      const meshStart = performance.now();
      toLandmarkTrack(params, new ExpressionRig(rig.lmks3dCm));
      figures.landmarks_us_per_frame = Math.round(((performance.now() - meshStart) * 1000) / params.frameCount);
    }
  } else {
    figures.face_analysis_ms_per_photo = 'skipped: no photo (pass a photo path, or keep ../shared/fixtures)';
  }
  return figures;
}

async function benchSpeech(): Promise<{ pcm: Float32Array; source: string }> {
  if (canSynthesizeSpeech()) {
    const text = 'The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs. How vexingly quick daft zebras jump.';
    return { pcm: await synthesizeSpeech(text, CLIP_SEC), source: 'espeak-ng' };
  }
  const pcm = new Float32Array(CLIP_SEC * ANALYSIS_RATE_HZ);
  for (let i = 0; i < pcm.length; i++) {
    const t = i / ANALYSIS_RATE_HZ;
    const syllable = Math.max(0, Math.sin(2 * Math.PI * 3 * t));
    pcm[i] = 0.4 * syllable * (Math.sin(2 * Math.PI * 140 * t) + 0.5 * Math.sin(2 * Math.PI * 700 * t) + 0.3 * Math.sin(2 * Math.PI * 1200 * t));
  }
  return { pcm, source: 'synthetic syllables' };
}
