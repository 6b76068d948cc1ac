import { describe, expect, it } from 'vitest';
import { adoptAsset, setPerformancePart, setPoseSource } from '../../../src-shared/edits/document-edits';
import { jobFromDocument } from '../../../src-shared/job/job-from-document';
import { ALL_PERFORMANCE_PARTS } from '../../../src-shared/performance/performance-parts';
import { trackInputsKey } from '../../../src-shared/project/derived';
import type { AssetRef, ProjectDocument } from '../../../src-shared/project/project-schema';
import { projectDocumentSchema } from '../../../src-shared/project/project-schema';
import type { AssetId } from '../../../src-shared/util/ids';
import { newDocument } from './edit-fixtures';

const asset = (role: AssetRef['role'], id: string, media: AssetRef['media']): AssetRef => ({ id: id as AssetId, role, relPath: `assets/${id}`, originalName: `${id}.file`, byteLength: 1000, media });
const video = { kind: 'video', widthPx: 640, heightPx: 480, durationSec: 4 } as const;
const photo = asset('photo', 'photo1', { kind: 'image', widthPx: 512, heightPx: 512, codec: 'png' });
const audio = asset('audio', 'audio1', { kind: 'audio', durationSec: 4, sampleRateHz: 48000, channelCount: 2, codec: 'aac', analysisSampleCount: 64000 });
const take = asset('performance-video', 'take1', video);
const reference = asset('pose-video', 'ref1', video);

function withAssets(...assets: AssetRef[]): ProjectDocument {
  return assets.reduce((doc, a) => adoptAsset(a).apply(doc), newDocument());
}

describe('performance video edits', () => {
  it('an imported performance video becomes the motion source with every part kept, and the document stays valid', () => {
    const doc = withAssets(photo, audio, take);
    expect(doc.poseSource).toEqual({ kind: 'performance', relPath: 'assets/take1', parts: ALL_PERFORMANCE_PARTS });
    expect(projectDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it('keeps the chosen parts when the take is replaced (a retake), and switching sources back and forth finds each file', () => {
    let doc = setPerformancePart('blinks', { keep: false }).apply(withAssets(photo, audio, take, reference));
    doc = setPoseSource('performance').apply(doc);
    expect(doc.poseSource.kind).toBe('performance');
    const retake = asset('performance-video', 'take2', video);
    doc = adoptAsset(retake).apply(setPerformancePart('blinks', { keep: false }).apply(doc));
    expect(doc.poseSource).toMatchObject({ kind: 'performance', relPath: 'assets/take2', parts: { blinks: { keep: false, strength: 1 } } });
    expect(doc.assets.filter((a) => a.role === 'performance-video')).toHaveLength(1);
    doc = setPoseSource('video').apply(doc);
    expect(doc.poseSource).toEqual({ kind: 'video', relPath: 'assets/ref1' });
    doc = setPoseSource('performance').apply(doc);
    expect(doc.poseSource).toEqual({ kind: 'performance', relPath: 'assets/take2', parts: ALL_PERFORMANCE_PARTS });
  });

  it('sets a strength within 0..2, ignores a non-number, and changes nothing without a performance source', () => {
    const doc = withAssets(photo, audio, take);
    const strength = (d: ProjectDocument) => (d.poseSource.kind === 'performance' ? d.poseSource.parts.mouth.strength : null);
    expect(strength(setPerformancePart('mouth', { strength: 1.4 }).apply(doc))).toBe(1.4);
    expect(strength(setPerformancePart('mouth', { strength: 9 }).apply(doc))).toBe(2);
    expect(strength(setPerformancePart('mouth', { strength: -1 }).apply(doc))).toBe(0);
    expect(setPerformancePart('mouth', { strength: Number.NaN }).apply(doc)).toBe(doc);
    expect(setPerformancePart('mouth', { strength: 1 }).apply(doc)).toBe(doc);
    const voice = setPoseSource('audio').apply(doc);
    expect(setPerformancePart('mouth', { keep: false }).apply(voice)).toBe(voice);
  });

  it('the parts decide the track (trackInputsKey), and the job carries the performance instead of a pose source', () => {
    const doc = withAssets(photo, audio, take);
    const changed = setPerformancePart('pose', { strength: 0.5 }).apply(doc);
    expect(trackInputsKey(changed)).not.toBe(trackInputsKey(doc));
    expect(trackInputsKey(setPerformancePart('pose', { strength: 1 }).apply(changed))).toBe(trackInputsKey(doc));
    const job = jobFromDocument(changed, { assetPath: (rel) => `/p/${rel}`, modelsDir: '/m', projectDir: '/p' });
    expect(job.poseSource).toEqual({ kind: 'audio' });
    expect(job.performance).toEqual({ path: '/p/assets/take1', label: 'The performance video "take1.file"', parts: { ...ALL_PERFORMANCE_PARTS, pose: { keep: true, strength: 0.5 } } });
    expect(jobFromDocument(setPoseSource('audio').apply(doc), { assetPath: (rel) => rel, modelsDir: '', projectDir: '' }).performance).toBeNull();
  });
});
