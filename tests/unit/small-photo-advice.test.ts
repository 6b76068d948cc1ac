import { describe, expect, it } from 'vitest';
import type { AssetRef } from '../../src-shared/project/project-schema';
import { smallPhotoAdvice } from '../../src-renderer/state/project-files';

const photo = (widthPx: number, heightPx: number): AssetRef => ({
  id: 'asset_1' as AssetRef['id'],
  role: 'photo',
  relPath: 'assets/photo.png',
  originalName: 'tiny.png',
  byteLength: 100,
  media: { kind: 'image', widthPx, heightPx, codec: 'png' },
});

describe('the word at import for a small photo', () => {
  it('warns below 256 px on the shorter side, naming the photo and its size, and says nothing from 256 px', () => {
    expect(smallPhotoAdvice(photo(24, 24))).toContain('“tiny.png” is only 24×24 px');
    expect(smallPhotoAdvice(photo(1024, 200))).toContain('at least 256 px');
    expect(smallPhotoAdvice(photo(256, 320))).toBeNull();
  });
});
