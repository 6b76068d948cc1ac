import { describe, expect, it } from 'vitest';
import { bundleManifestSchema, jobOfManifest, manifestOfJob } from '../../src-shared/farm/farm-bundle.js';
import { farmEtaSec, outputNameProblem } from '../../src-shared/farm/farm-job.js';
import { allQueueNames, parseEngineList, queueNameFor, queueNamesServedBy, requiredEngines } from '../../src-shared/farm/farm-queues.js';
import { invokeChannels } from '../../src-shared/ipc/contract.js';
import type { RenderJob } from '../../src-shared/job/render-job.js';
import { DEFAULT_DIFFUSION_SETTINGS } from '../../src-shared/job/render-job.js';
import { ALL_PERFORMANCE_PARTS } from '../../src-shared/performance/performance-parts.js';

const job: RenderJob = {
  photo: { path: '/in/me.png', label: 'The photo "me.png"' },
  audio: { path: '/in/talk.wav', label: 'The audio "talk.wav"', analysisSampleCount: 32000 },
  poseSource: { kind: 'template', path: '/in/pose.npy', label: 'The pose template "pose.npy"' },
  performance: { path: '/in/take.webm', label: 'The performance video "take.webm"', parts: { ...ALL_PERFORMANCE_PARTS, blinks: { keep: false, strength: 0.5 } }, poseReferenceSec: 1.5 },
  engines: { audio2lmk: 'builtin', lmk2video: 'aniportrait', interpolation: 'film' },
  fps: 30,
  seed: 7,
  poseStyle: 7,
  size: { widthPx: 256, heightPx: 128 },
  diffusion: DEFAULT_DIFFUSION_SETTINGS,
  layers: [],
  mouth: { amount: 1.2, articulation: 1, smoothingSec: 0.04, edits: [{ id: 'mouth_1', startSec: 0.5, endSec: 0.7, shape: 'O', strength: 0.8 }] },
  shapes: [],
  models: { dir: '/submitter/models', providers: ['cuda', 'cpu'] },
  project: { dir: '/p/x.aniproj', assets: [] },
  trackKey: 'k',
};
const key = (c: string) => `${c.repeat(64)}.x`;

describe('farm jobs', () => {
  it('routes a job to the queue of its engines, served by every worker that has them', () => {
    expect(requiredEngines(job.engines)).toEqual(['aniportrait', 'builtin']);
    expect(queueNameFor(['builtin', 'aniportrait'])).toBe('aniportrait-render.aniportrait+builtin');
    expect(queueNamesServedBy(['builtin'])).toEqual(['aniportrait-render.builtin']);
    expect(queueNamesServedBy(['builtin', 'aniportrait']).sort()).toEqual(allQueueNames().sort());
    expect(allQueueNames()).toHaveLength(3);
    expect(queueNamesServedBy(['builtin'])).not.toContain(queueNameFor(requiredEngines(job.engines)));
    expect(parseEngineList('builtin, aniportrait')).toEqual(['aniportrait', 'builtin']);
    expect(parseEngineList('builtin,gpu')).toContain('--engines takes a comma list');
  });

  it('a bundle keeps every setting and label; the worker runs it with its own models and files', () => {
    const keys = new Map([['/in/me.png', key('a')], ['/in/talk.wav', key('b')], ['/in/pose.npy', key('c')], ['/in/take.webm', key('d')]]);
    const manifest = bundleManifestSchema.parse(JSON.parse(JSON.stringify(manifestOfJob(job, (p) => keys.get(p)!, null))));
    const back = jobOfManifest(manifest, (k) => `/storage/inputs/${k}`, '/worker/models');
    expect(back).toEqual({
      ...job,
      photo: { ...job.photo, path: `/storage/inputs/${key('a')}` },
      audio: { ...job.audio, path: `/storage/inputs/${key('b')}` },
      poseSource: { ...job.poseSource, path: `/storage/inputs/${key('c')}` },
      performance: { ...job.performance!, path: `/storage/inputs/${key('d')}` },
      models: { dir: '/worker/models', providers: ['cuda', 'cpu'] },
      project: null,
      trackKey: null,
    });
    expect(bundleManifestSchema.safeParse({ ...manifest, photo: { key: '../../etc/passwd', label: 'x' } }).success).toBe(false);
  });

  it('outputs are plain .mp4 names in the storage; the ETA comes from the fraction done', () => {
    expect(outputNameProblem('talk 1.mp4')).toBeNull();
    for (const bad of ['../x.mp4', 'a/b.mp4', 'x.mov', '.hidden.mp4', '']) expect(outputNameProblem(bad)).toContain('plain file name');
    expect(farmEtaSec(0.25, 0, 10_000)).toBe(30);
    expect(farmEtaSec(0, 0, 10_000)).toBeNull();
    expect(farmEtaSec(1, 0, 10_000)).toBe(0);
  });

  it('the queue channels refuse bad settings and output names', () => {
    const settings = invokeChannels['queue:set-settings'].request;
    expect(settings.safeParse({ redisUrl: 'redis://10.0.0.5:6379', storageDir: '/mnt/farm', localWorker: false }).success).toBe(true);
    expect(settings.safeParse({ redisUrl: 'http://x', storageDir: '/mnt/farm', localWorker: false }).success).toBe(false);
    const submit = invokeChannels['queue:submit'].request;
    expect(submit.shape.outName.safeParse('../../x.mp4').success).toBe(false);
    expect(invokeChannels['queue:cancel'].request.safeParse({ jobId: 'job-1; rm' }).success).toBe(false);
  });
});
