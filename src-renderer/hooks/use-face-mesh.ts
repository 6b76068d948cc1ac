import { useEffect, useState } from 'react';
import type { StudioApi } from '../../src-shared/ipc/studio-api';

let cached: Uint32Array | null = null;

/** The face mesh's triangles (face:mesh), asked of the services once per page; null until they arrive or when they cannot be had. */
export function useFaceMeshTriangles(studio: StudioApi): { triangles: Uint32Array | null; error: string | null } {
  const [state, setState] = useState<{ triangles: Uint32Array | null; error: string | null }>({ triangles: cached, error: null });
  useEffect(() => {
    if (cached !== null) return;
    let live = true;
    void studio.face.mesh({}).then((result) => {
      if (!live) return;
      if (result.ok) {
        cached = result.value.triangles;
        setState({ triangles: cached, error: null });
      } else setState({ triangles: null, error: result.error.message });
    });
    return () => {
      live = false;
    };
  }, [studio]);
  return state;
}
