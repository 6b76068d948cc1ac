import type { FaceRig } from '../../src-shared/face/face-rig.js';
import type { WarpRenderer } from '../../src-shared/render/warp-renderer.js';
import { createWarpRenderer } from '../engines/builtin/warp-renderer-for-photo.js';
import type { PreparedTrack } from './prepared-track.js';

/**
 * A host's memory of its last generated track (by the job's trackKey) and of the warp renderers
 * of its last photo per preview size (a new voice or seed keeps them): generating, scrubbing and exporting one project share them, and
 * nothing that does not decide the track (video engine, size, keys, the project folder) evicts it.
 */
export class TrackCache {
  private latest: { readonly key: string; readonly value: Promise<PreparedTrack> } | undefined;
  private renderers: { readonly photoPath: string; readonly bySize: Map<string, Promise<WarpRenderer>> } | undefined;

  /** The cached track for `key`, or `make()`'s (kept unless it fails). */
  track(key: string, make: () => Promise<PreparedTrack>): Promise<PreparedTrack> {
    if (this.latest?.key !== key) {
      const value = make();
      this.latest = { key, value };
      value.catch(() => {
        if (this.latest?.key === key) this.latest = undefined;
      });
    }
    return this.latest.value;
  }

  /** The warp renderer of the photo at an output size, made on first use; only the photo and the size decide it. */
  renderer(photoPath: string, photoLabel: string, rig: FaceRig, widthPx: number, heightPx: number): Promise<WarpRenderer> {
    if (this.renderers?.photoPath !== photoPath) this.renderers = { photoPath, bySize: new Map() };
    const size = `${widthPx}x${heightPx}`;
    let renderer = this.renderers.bySize.get(size);
    if (!renderer) {
      renderer = createWarpRenderer(photoPath, photoLabel, rig, widthPx, heightPx);
      this.renderers.bySize.set(size, renderer);
      renderer.catch(() => this.renderers?.bySize.delete(size));
    }
    return renderer;
  }
}
