import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DIFFUSION_SETTINGS } from '../../src-shared/job/render-job.js';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import { ALL_PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';
import { trackVideoFaces } from '../face/track-video-faces.js';
import { loadFaceMesh } from '../face/human-face-mesh.js';
import { runOnOneCore } from '../media/bench-media.js';
import { probeVideo } from '../media/probe-media.js';
import { runExport } from '../pipeline/run-export.js';

const VIDEO = join('..', 'shared', 'fixtures', 'aniportrait', 'pose_ref_video.mp4');
const FPS = 30;

/**
 * Face reenactment figures, measured in a child process pinned to one core (taskset -c 0; ffmpeg,
 * its child, shares that core): tracking speed of a performance video (frames per second: decode,
 * face mesh, geometry pipeline) and a whole reenactment (track + built-in warp + encode of the
 * video, 512x512) as a multiple of real time (above 1: faster than real time).
 */
export function reenactFigures(photo: string): Record<string, number | string> {
  if (!existsSync(photo) || !existsSync(VIDEO)) return { reenact: `skipped: needs ${photo} and ${VIDEO}` };
  const child = runOnOneCore(fileURLToPath(import.meta.url), ['--child-reenact', photo, VIDEO]);
  if (child.status !== 0) return { reenact: `failed: ${child.stderr.trim().split('\n').pop() ?? child.status}` };
  const figures = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Record<string, number | string>;
  return { ...figures, reenact_cpu: child.pinned ? 'one core (taskset -c 0)' : 'not pinned (taskset missing)' };
}

/** `bench.js --child-reenact PHOTO VIDEO`: prints the figures as one JSON line. */
export async function childReenact(photo: string, video: string): Promise<void> {
  await loadFaceMesh();
  const trackStart = performance.now();
  const { frames } = await trackVideoFaces(video, 'bench video', { fps: FPS });
  const trackingFps = frames.length / ((performance.now() - trackStart) / 1000);
  const { durationSec } = await probeVideo(video, 'bench video');
  const dir = mkdtempSync(join(tmpdir(), 'aniportrait-bench-reenact-'));
  try {
    const job: RenderJob = {
      photo: { path: photo, label: 'The bench photo' },
      audio: { path: video, label: 'The bench video' },
      poseSource: { kind: 'audio' },
      performance: { path: video, label: 'The bench video', parts: ALL_PERFORMANCE_PARTS },
      engines: { audio2lmk: 'builtin', lmk2video: 'builtin', interpolation: 'none' },
      fps: FPS,
      seed: 1,
      poseStyle: 1,
      size: { widthPx: 512, heightPx: 512 },
      diffusion: DEFAULT_DIFFUSION_SETTINGS,
      layers: [],
      shapes: [],
      models: { dir },
      project: null,
      trackKey: null,
    };
    const exportStart = performance.now();
    await runExport(job, join(dir, 'reenacted.mp4'), { models: { open: () => Promise.reject(new Error('the built-in engines load no models')) } });
    const exportSec = (performance.now() - exportStart) / 1000;
    process.stdout.write(
      `${JSON.stringify({
        reenact_tracking_fps_one_core: Math.round(trackingFps * 10) / 10,
        reenact_clip_sec: Math.round(durationSec * 10) / 10,
        reenact_end_to_end_sec: Math.round(exportSec * 10) / 10,
        reenact_realtime_multiple: Math.round((durationSec / exportSec) * 100) / 100,
      })}\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
