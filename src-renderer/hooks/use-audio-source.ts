import { useEffect } from 'react';
import { assetInUse } from '../../src-shared/project/derived';
import type { StudioServices } from '../state/studio-context';
import { useStudioState } from '../state/studio-store';
import { useAssetUrl } from './use-asset-url';

/** Reads the project's audio once per asset (assets:read -> Blob URL) and hands it to the player. */
export function useAudioSource({ studio, store, playback }: StudioServices): void {
  const workDir = useStudioState(store, (s) => s.session.workDir);
  const relPath = useStudioState(store, (s) => (s.document === null ? null : (assetInUse(s.document, 'audio')?.relPath ?? null)));
  const audio = useAssetUrl(studio, workDir, relPath);
  const url = audio.state === 'ready' ? audio.url : null;
  useEffect(() => {
    playback.setAudioUrl(url);
  }, [playback, url]);
}
