/** MediaPipe's canonical face (468 vertices, metric cm) and its Procrustes landmark weights. */
export interface CanonicalFace {
  /** MESH_VERTEX_COUNT x 3, cm, face space (x right, y up, z towards the viewer). */
  readonly positionsCm: Float32Array;
  /** MESH_VERTEX_COUNT weights; 33 landmarks are non-zero (docs/aniportrait-engine.md §1.6). */
  readonly procrustesWeights: Float32Array;
  /** Triangle vertex indices, 3 per triangle. */
  readonly triangles: Uint32Array;
}
