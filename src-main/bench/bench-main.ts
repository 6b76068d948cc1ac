import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeEnvelope, encodeEnvelope, encodeEnvelopeParts } from '../../src-shared/ipc/binary-envelope.js';
import { LANDMARK_COUNT } from '../../src-shared/face/topology.js';
import { createProject } from '../../src-shared/project/create-project.js';
import { projectPoints } from '../../src-shared/projection/perspective-projection.js';
import { writeProjectDocument } from '../project/project-files.js';
import { aniportraitOnnxFigures } from './aniportrait-onnx-bench.js';
import { audio2lmkFigures } from './audio2lmk-bench.js';
import { largePhotoFigures, childLargePhoto } from './large-photo-bench.js';
import { lmk2videoFigures, timedExport } from './lmk2video-bench.js';
import { previewFigures } from './preview-bench.js';
import { childReenact, reenactFigures } from './reenact-bench.js';

/**
 * `npm run bench`: machine-readable figures (JSON on stdout), as per-item costs and ratios.
 * Engines add their figures here (audio-to-track speed now; render fps and export ratio later).
 * `npm run bench -- PHOTO` picks the photo for face analysis.
 */
async function main(): Promise<void> {
  const figures: Record<string, number | string> = {};

  // Projection of one frame's 478 landmarks (the per-frame cost of every preview and export).
  const points = new Float32Array(LANDMARK_COUNT * 3).map((_, i) => Math.sin(i) * 5 + (i % 3 === 2 ? -40 : 0));
  const trans = [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -10, 0, 0, 0, 1];
  const out = new Float32Array(LANDMARK_COUNT * 2);
  figures.projection_us_per_frame = perItemMicros(20000, (i) => projectPoints(points, LANDMARK_COUNT, trans, [i % 10, 2, 1, 0, 0, 0], { widthPx: 512, heightPx: 512 }, out));

  // A 512x512 RGBA frame through the web host's binary envelope as preview frames travel: the host
  // sends the envelope's parts (the pixels not copied), the page decodes views into its message.
  const frame = new Uint8Array(512 * 512 * 4);
  const encodeMicros = perItemMicros(300, () => encodeEnvelopeParts({ kind: 'push', channel: 'x', payload: { frame } }));
  const encoded = encodeEnvelope({ kind: 'push', channel: 'x', payload: { frame } });
  const decodeMicros = perItemMicros(300, () => decodeEnvelope(encoded, { viewsIntoFrame: true }));
  figures.envelope_encode_ms_per_512_frame = encodeMicros / 1000;
  figures.envelope_decode_ms_per_512_frame = decodeMicros / 1000;

  // Atomic save of a project document (temp + fsync + rename).
  const dir = await mkdtemp(join(tmpdir(), 'aniportrait-bench-'));
  const document = createProject('Bench');
  const start = performance.now();
  const saves = 50;
  for (let i = 0; i < saves; i++) await writeProjectDocument(dir, document);
  figures.project_save_ms = (performance.now() - start) / saves;
  await rm(dir, { recursive: true, force: true });

  const photo = process.argv[2] ?? join('..', 'shared', 'fixtures', 'aniportrait', 'ref_cxk.png');
  Object.assign(figures, await audio2lmkFigures(photo));
  Object.assign(figures, await lmk2videoFigures(photo));
  Object.assign(figures, await largePhotoFigures(photo));
  Object.assign(figures, await previewFigures(photo));
  Object.assign(figures, reenactFigures(photo));
  Object.assign(figures, await aniportraitOnnxFigures());

  figures.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ bench: 'aniportrait-studio', node: process.versions.node, figures }, null, 2)}\n`);
}

function perItemMicros(count: number, work: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(100, count); i++) work(i);
  const start = performance.now();
  for (let i = 0; i < count; i++) work(i);
  return ((performance.now() - start) * 1000) / count;
}

/** `bench.js --child-export PHOTO AUDIO OUT`: one export, reporting peak RSS to the parent. */
async function childExport(): Promise<void> {
  const [photo, audio, out] = process.argv.slice(3);
  await timedExport(photo, audio, out);
  process.send?.({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
}

const CHILDREN: Readonly<Record<string, () => Promise<void>>> = {
  '--child-export': childExport,
  '--child-large-photo': () => childLargePhoto(process.argv[3]),
  '--child-reenact': () => childReenact(process.argv[3], process.argv[4]),
};

void (CHILDREN[process.argv[2] ?? '']?.() ?? main());
