import type { FaceParamTrack } from '../face/face-param-track.js';
import { POSE_LENGTH } from '../face/topology.js';
import type { ChannelId } from '../keyframes/channels.js';
import { isPoseChannel, POSE_CHANNEL_INDEX } from '../keyframes/channels.js';
import { evaluateChannel } from '../keyframes/interpolate.js';
import type { Keyframe, KeyframeLayer } from '../keyframes/keyframe-schema.js';
import type { KeyChannelId } from '../keyframes/shape-channels.js';
import { isShapeChannel } from '../keyframes/shape-channels.js';
import type { GraphStage, ModelManifest } from '../models/model-manifest.js';
import type { AssetRef, ProjectDocument } from './project-schema.js';

/**
 * Facts derived from a project document, each computed here and nowhere else: the frame count,
 * what decides the generated track, a channel's value at a time, the model files of a stage.
 * Callers on both sides (timeline, frame counter, track, preview, export, CLI) use these, so a fact
 * cannot disagree with itself.
 */

/** The rate every engine analyses speech at, and the rate of `analysisSampleCount` (wav2vec2's). */
export const ANALYSIS_RATE_HZ = 16000;

/**
 * Frames of a video covering `sampleCount` samples at `sampleRateHz`: ceil(duration x fps), the
 * last frame covering the audio's tail (AniPortrait's seq_len = ceil(n / 16000 * 30)).
 */
export function frameCountForSamples(sampleCount: number, sampleRateHz: number, fps: number): number {
  // sampleCount x fps is exact in a double, so an exact multiple is never rounded up.
  return Math.max(0, Math.ceil((sampleCount * fps) / sampleRateHz));
}

/** The photo or audio asset the project uses (its id still points at an entry of `assets`), or null. */
export function assetInUse(document: ProjectDocument, role: 'photo' | 'audio'): AssetRef | null {
  const id = role === 'photo' ? document.photoAssetId : document.audioAssetId;
  return document.assets.find((a) => a.id === id) ?? null;
}

/** Decoded 16 kHz samples of the project's audio (what every engine sees), or null without audio. */
export function analysisSampleCount(document: ProjectDocument): number | null {
  const audio = assetInUse(document, 'audio');
  return audio?.media.kind === 'audio' ? audio.media.analysisSampleCount : null;
}

/** Frames of the project's video (and of its generated track), or null while it has no audio. */
export function projectFrameCount(document: ProjectDocument): number | null {
  const samples = analysisSampleCount(document);
  return samples === null ? null : Math.max(1, frameCountForSamples(samples, ANALYSIS_RATE_HZ, document.settings.fps));
}

/** Length of the audio as decoded (s); an MP3's encoder delay is not part of it. */
export function audioDurationSec(sampleCount: number): number {
  return sampleCount / ANALYSIS_RATE_HZ;
}

/** The frame `timeSec` lies in, unbounded: frame k covers [k / fps, (k + 1) / fps) (the epsilon absorbs float error at a frame's start). */
export function frameContaining(timeSec: number, fps: number): number {
  return Math.floor(timeSec * fps + 1e-6);
}

/** The frame shown at `timeSec`, within the video's frameCount frames. */
export function frameIndexAt(timeSec: number, fps: number, frameCount: number): number {
  return Math.min(frameCount - 1, Math.max(0, frameContaining(timeSec, fps)));
}

/**
 * Everything that decides the generated track, and only that: photo, audio, pose source (a
 * performance video's parts and strengths included), the Audio2Lmk engine, fps and seed. The Lmk2Video engine, the output size, keys, the lip sync's controls and mouth edits, markers and the
 * project folder (Save As copies the same assets) are not part of it. Null while photo or audio
 * is missing. Assets are named by id and size: an asset's file never changes after import.
 */
export function trackInputsKey(document: ProjectDocument): string | null {
  const photo = assetInUse(document, 'photo');
  const audio = assetInUse(document, 'audio');
  if (photo === null || audio === null) return null;
  const asset = (a: AssetRef) => [a.id, a.byteLength];
  const source = document.poseSource;
  const pose = source.kind === 'audio' ? undefined : document.assets.find((a) => a.relPath === source.relPath);
  const { fps, seed } = document.settings;
  const parts = source.kind === 'performance' ? source.parts : null;
  return JSON.stringify([asset(photo), asset(audio), source.kind, pose ? asset(pose) : null, parts, document.engines.audio2lmk, fps, seed]);
}

/**
 * Everything that decides a preview frame's pixels besides its index and size: the track's inputs,
 * the keyframe layers, the lip sync (controls and mouth edits), the sculpted shapes and the output size (the framing). Not a revision: an undo back to a state
 * seen before gives the same key, so its frames come from the caches.
 */
export function previewRenderKey(document: ProjectDocument): string {
  const { outputWidthPx, outputHeightPx } = document.settings;
  return JSON.stringify([trackInputsKey(document), outputWidthPx, outputHeightPx, document.layers, document.mouth, document.shapes]);
}

/** Keys of one layer's channel sorted by time (documents keep them sorted; this does not trust it). */
function sortedKeys(layer: KeyframeLayer, channel: KeyChannelId): readonly Keyframe[] | undefined {
  const keys = layer.channels[channel];
  if (!keys || keys.length === 0) return undefined;
  for (let i = 1; i < keys.length; i++) if (keys[i].timeSec < keys[i - 1].timeSec) return [...keys].sort((a, b) => a.timeSec - b.timeSec);
  return keys;
}

/**
 * The layers that compose: the enabled ones, or, while any enabled layer is soloed, only the
 * soloed ones. A layer of weight 0 adds nothing and is left out.
 */
export function composingLayers(layers: readonly KeyframeLayer[]): readonly KeyframeLayer[] {
  const enabled = layers.filter((layer) => layer.enabled && layer.weight > 0);
  const soloed = enabled.filter((layer) => layer.solo);
  return soloed.length > 0 ? soloed : enabled;
}

/** What the composing layers add to `channel` at `timeSec`, each times its weight, in layer order (0 where none has keys). */
export function layersValueAt(layers: readonly KeyframeLayer[], channel: KeyChannelId, timeSec: number): number {
  let sum = 0;
  for (const { keys, weight } of enabledLayerKeys(layers, channel)) sum += weight * evaluateChannel(keys, timeSec);
  return sum;
}

/** The generated value of `channel` at frame `frameIndex` (0 for a channel the track lacks). */
export function generatedValueAt(generated: FaceParamTrack, channel: ChannelId, frameIndex: number): number {
  const f = Math.min(generated.frameCount - 1, Math.max(0, frameIndex));
  return isPoseChannel(channel) ? generated.poses[f * POSE_LENGTH + POSE_CHANNEL_INDEX[channel]] : generated.params[channel][f];
}

/**
 * The value of `channel` that is rendered at frame `frameIndex`: the generated track's (if any)
 * plus every composing layer's at that frame's time. The inspector and the lanes show this; composeLayers renders it.
 */
export function channelValueAt(generated: FaceParamTrack | null, layers: readonly KeyframeLayer[], channel: KeyChannelId, frameIndex: number, fps: number): number {
  // A sculpted shape's weight has no generated part: only its keys.
  const base = generated === null || isShapeChannel(channel) ? 0 : generatedValueAt(generated, channel, frameIndex);
  return base + layersValueAt(layers, channel, frameIndex / fps);
}

/** Keys of `channel` in the composing layers, sorted, with each layer's weight, for composing a whole track. */
export function enabledLayerKeys(layers: readonly KeyframeLayer[], channel: KeyChannelId): { readonly keys: readonly Keyframe[]; readonly weight: number }[] {
  const out: { keys: readonly Keyframe[]; weight: number }[] = [];
  for (const layer of composingLayers(layers)) {
    const keys = sortedKeys(layer, channel);
    if (keys) out.push({ keys, weight: layer.weight });
  }
  return out;
}

/** The graph files a stage loads, from the manifest. */
export function stageModelFiles(manifest: ModelManifest, stage: GraphStage): string[] {
  return manifest.graphs.filter((g) => g.stage === stage).map((g) => g.file);
}
