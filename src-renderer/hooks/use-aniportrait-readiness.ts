import { useMemo } from 'react';
import type { AniPortraitReadiness } from '../state/aniportrait-readiness';
import { aniPortraitReadiness } from '../state/aniportrait-readiness';
import { useStudioSelector } from '../state/studio-context';

/** The AniPortrait engine's model files and GPU providers as app:info reports them (null until it has). */
export function useAniPortraitReadiness(): AniPortraitReadiness | null {
  const appInfo = useStudioSelector((s) => s.ephemeral.appInfo);
  return useMemo(() => aniPortraitReadiness(appInfo), [appInfo]);
}
