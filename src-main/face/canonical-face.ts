import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { CanonicalFace } from '../../src-shared/face/canonical-face-types.js';
import { MESH_VERTEX_COUNT } from '../../src-shared/face/topology.js';
import { protoFloats, protoPackedVarints, readProtoFields } from '../util/protobuf-reader.js';

const require = createRequire(import.meta.url);
const METADATA_FILE = 'geometry_pipeline_metadata_landmarks.binarypb';

let cached: CanonicalFace | undefined;

/**
 * MediaPipe's canonical face model and Procrustes weights, read at run time from the
 * `geometry_pipeline_metadata_landmarks.binarypb` that the @mediapipe/face_mesh npm package
 * (Apache-2.0) ships inside face_mesh_solution_packed_assets.data; the loader script beside it
 * gives the file's byte range. Nothing is copied into this repository.
 */
export function loadCanonicalFace(): CanonicalFace {
  if (cached) return cached;
  const dir = dirname(require.resolve('@mediapipe/face_mesh/face_mesh.js'));
  const loader = readFileSync(join(dir, 'face_mesh_solution_packed_assets_loader.js'), 'utf8');
  const match = new RegExp(`${METADATA_FILE.replace(/\./g, '\\.')}", "start": (\\d+), "end": (\\d+)`).exec(loader);
  if (!match) throw new Error(`@mediapipe/face_mesh: ${METADATA_FILE} not found in its packed assets`);
  const packed = readFileSync(join(dir, 'face_mesh_solution_packed_assets.data'));
  cached = parseGeometryMetadata(packed.subarray(Number(match[1]), Number(match[2])));
  return cached;
}

/**
 * GeometryPipelineMetadata: 1 = canonical_mesh Mesh3d {1: vertex_type, 2: primitive_type,
 * 3: vertex_buffer (x, y, z, u, v per vertex), 4: index_buffer}, 2 = repeated WeightedLandmarkRef
 * {1: landmark_id, 2: weight}. Repeated fields may be packed or not (proto2 writes them unpacked).
 */
export function parseGeometryMetadata(bytes: Uint8Array): CanonicalFace {
  const weights = new Float32Array(MESH_VERTEX_COUNT);
  const vertexBuffer: number[] = [];
  const indices: number[] = [];
  for (const top of readProtoFields(bytes)) {
    if (top.wire !== 2) continue;
    if (top.field === 2) {
      let id = -1;
      let weight = 0;
      for (const f of readProtoFields(top.bytes)) {
        if (f.field === 1 && f.wire === 0) id = f.value;
        if (f.field === 2 && f.wire === 5) weight = protoFloats(f.bytes)[0];
      }
      if (id >= 0 && id < MESH_VERTEX_COUNT) weights[id] = weight;
    } else if (top.field === 1) {
      for (const f of readProtoFields(top.bytes)) {
        if (f.field === 3 && (f.wire === 5 || f.wire === 2)) vertexBuffer.push(...protoFloats(f.bytes));
        if (f.field === 4 && f.wire === 0) indices.push(f.value);
        if (f.field === 4 && f.wire === 2) indices.push(...protoPackedVarints(f.bytes));
      }
    }
  }
  if (vertexBuffer.length !== MESH_VERTEX_COUNT * 5) {
    throw new Error(`canonical face: expected ${MESH_VERTEX_COUNT} vertices of 5 floats, got ${vertexBuffer.length} floats`);
  }
  const positionsCm = new Float32Array(MESH_VERTEX_COUNT * 3);
  for (let i = 0; i < MESH_VERTEX_COUNT; i++) positionsCm.set(vertexBuffer.slice(i * 5, i * 5 + 3), i * 3);
  return { positionsCm, procrustesWeights: weights, triangles: Uint32Array.from(indices) };
}
