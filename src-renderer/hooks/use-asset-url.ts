import { useEffect, useState } from 'react';
import type { StudioApi } from '../../src-shared/ipc/studio-api';

export type AssetUrlState =
  | { readonly state: 'idle' }
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly url: string }
  | { readonly state: 'error'; readonly message: string };

/**
 * A Blob URL for a project asset, read through assets:read (the renderer has no file access).
 * The URL is revoked when the asset changes or the component goes away.
 */
export function useAssetUrl(studio: StudioApi, workDir: string | null, relPath: string | null): AssetUrlState {
  const [result, setResult] = useState<{ key: string; value: AssetUrlState } | null>(null);
  const key = workDir !== null && relPath !== null ? `${workDir}\n${relPath}` : null;

  useEffect(() => {
    if (workDir === null || relPath === null || key === null) return;
    let cancelled = false;
    let url: string | null = null;
    void studio.assets.read({ workDir, relPath }).then((read) => {
      if (cancelled) return;
      if (!read.ok) {
        setResult({ key, value: { state: 'error', message: read.error.message } });
        return;
      }
      url = URL.createObjectURL(new Blob([read.value.data], { type: read.value.mimeType }));
      setResult({ key, value: { state: 'ready', url } });
    });
    return () => {
      cancelled = true;
      if (url !== null) URL.revokeObjectURL(url);
    };
  }, [studio, workDir, relPath, key]);

  if (key === null) return { state: 'idle' };
  // A result for a previous asset is stale: show loading until this one arrives.
  return result !== null && result.key === key ? result.value : { state: 'loading' };
}
