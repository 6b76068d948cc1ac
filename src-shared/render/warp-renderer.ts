import type { FaceRig } from '../face/face-rig.js';
import { MESH_VERTEX_COUNT } from '../face/topology.js';
import { cameraDepths, projectPoints } from '../projection/perspective-projection.js';
import type { FaceCrop } from './face-crop.js';
import { smoothEdges } from './edge-smoothing.js';
import { applyCrop } from './face-crop.js';
import { FaceDrawOrder } from './face-draw-order.js';
import { lipOpeningPx, paintMouthInterior } from './mouth-interior.js';
import { mouthLight } from './mouth-light.js';
import type { MouthPalette } from './mouth-palette.js';
import { mouthPalette } from './mouth-palette.js';
import type { PersonLayers } from './person-layers.js';
import { cleanMatte, personLayers } from './person-layers.js';
import { CompositeKernel } from './composite-kernel.js';
import type { RgbaImage } from './rgba-image.js';
import { rgbaImageView } from './rgba-image.js';
import { align16 } from './wasm/load-wasm.js';
import { I420Converter } from './rgba-to-i420.js';
import { WarpKernel } from './warp-kernel.js';
import { FACE_OVAL, WarpMesh } from './warp-mesh.js';
import { SideFlattening } from './side-flattening.js';
import { attachmentShare } from './oval-attachment.js';

const ZERO_POSE = [0, 0, 0, 0, 0, 0] as const;
/** A control point that moved less than this (px) counts as still: a triangle of still points copies the photo's pixels. */
const STILL_PX = 0.02;

/**
 * The built-in Lmk2Video engine: warps the reference photo to each frame's landmarks with a
 * triangulated mesh (face landmarks, helper rings, image border), per-triangle affine maps with
 * bilinear sampling (the WebAssembly SIMD kernel of warp-kernel.ts), then paints the mouth
 * interior. `source` is the photo already cropped and scaled to the output size by `crop`.
 */
export class WarpRenderer {
  readonly mesh: WarpMesh;
  private readonly photoSize: { widthPx: number; heightPx: number };
  private readonly points3d = new Float32Array(MESH_VERTEX_COUNT * 3);
  private readonly projected = new Float32Array(MESH_VERTEX_COUNT * 2);
  private readonly rigid = new Float32Array(MESH_VERTEX_COUNT * 2);
  private readonly destination: Float32Array;
  /** Per control point: 1 when it did not move this frame (see STILL_PX). */
  private readonly stillPoints: Uint8Array;
  private readonly sourceCorners = new Float64Array(6);
  private readonly targetCorners = new Float64Array(6);
  /** Opening of the photo's own mouth (px, output frame). */
  private readonly restOpeningPx: number;
  /** How bright the synthesized mouth may be in this photo (mouth-light.ts). */
  private readonly mouthLight: number;
  /** The synthesized mouth's colours in this photo's grade (mouth-palette.ts). */
  private readonly mouthPalette: MouthPalette;
  /** Helper-ring triangles, drawn first; the face's triangles go over them (faceOrder). */
  private readonly ringTriangles: Uint32Array;
  private readonly faceOrder: FaceDrawOrder;
  private readonly depthCm = new Float32Array(MESH_VERTEX_COUNT);
  private readonly silhouette = new Uint32Array(2048);
  /** The helper-ring points on a shell around the head (face space, cm), their rest projection and this frame's shift (px). */
  private readonly ringShell: { pointsCm: Float32Array; restPx: Float32Array; posedPx: Float32Array; shiftPx: Float32Array };
  /** On a turn, the sides of the head are flattened (side-flattening.ts): per-point weights, and the flattened points of this frame. */
  private readonly flattening: { sides: SideFlattening; landmarkWeights: Float32Array; shellWeights: Float32Array; landmarksCm: Float32Array; rigidCm: Float32Array; shellCm: Float32Array };
  /** Converts the kernel's frame in place (same memory); for even sizes. */
  private readonly i420: I420Converter | undefined;
  private readonly kernel: WarpKernel;
  /** The still background and the person layer (person-layers.ts), when a matte was given. */
  readonly layers: PersonLayers | undefined;
  /** Blends the warped person over the plate (which it keeps in the kernel's memory). */
  private readonly composite: CompositeKernel | undefined;

  constructor(
    private readonly source: RgbaImage,
    private readonly rig: FaceRig,
    private readonly crop: FaceCrop,
    /** The canonical face mesh's triangles (CanonicalFace.triangles). */
    faceTriangles: Iterable<number>,
    /**
     * The person matte on `source` (one byte a pixel, person-matte.ts). With it the background
     * stays still: only the person layer is warped, over a plate computed once. Without it the
     * whole picture is one warped layer.
     */
    personMatte?: Uint8Array,
  ) {
    this.photoSize = { widthPx: rig.imageWidthPx, heightPx: rig.imageHeightPx };
    // The rest face is the rig projected with no pose: a still frame is then exactly the photo.
    const rest = applyCrop(crop, projectPoints(rig.lmks3dCm, MESH_VERTEX_COUNT, rig.transMat, ZERO_POSE, this.photoSize));
    const restDepthCm = cameraDepths(rig.lmks3dCm, MESH_VERTEX_COUNT, rig.transMat, ZERO_POSE);
    this.mesh = new WarpMesh(rest, source.widthPx, source.heightPx, faceTriangles, restDepthCm);
    this.ringShell = ringShell(this.mesh, rig, crop, this.photoSize);
    const sides = new SideFlattening(rig.lmks3dCm, MESH_VERTEX_COUNT, rig.transMat);
    const shellCount = this.ringShell.shiftPx.length / 2;
    this.flattening = {
      sides,
      landmarkWeights: sides.weights(rig.lmks3dCm, MESH_VERTEX_COUNT),
      shellWeights: sides.weights(this.ringShell.pointsCm, shellCount),
      landmarksCm: new Float32Array(MESH_VERTEX_COUNT * 3),
      rigidCm: new Float32Array(MESH_VERTEX_COUNT * 3),
      shellCm: new Float32Array(shellCount * 3),
    };
    this.restOpeningPx = lipOpeningPx(rest);
    this.mouthLight = mouthLight(source, rest);
    this.mouthPalette = mouthPalette(source, rest);
    this.destination = new Float32Array(this.mesh.rest.length);
    this.stillPoints = new Uint8Array(this.mesh.pointCount);
    const count = this.mesh.triangles.length / 3;
    const isFace = (t: number) => [0, 1, 2].every((k) => this.mesh.triangles[t * 3 + k] < MESH_VERTEX_COUNT);
    const ids = Array.from({ length: count }, (_, t) => t);
    // Top to bottom, so the kernel sweeps the frame band by band (they do not overlap, order is free).
    const centreY = (t: number) => [0, 1, 2].reduce((sum, k) => sum + this.mesh.rest[this.mesh.triangles[t * 3 + k] * 2 + 1], 0);
    this.ringTriangles = Uint32Array.from(ids.filter((t) => !isFace(t)).sort((a, b) => centreY(a) - centreY(b)));
    this.faceOrder = new FaceDrawOrder(this.mesh.triangles, ids.filter(isFace), this.mesh.restSign);
    const { widthPx, heightPx } = source;
    const even = widthPx % 2 === 0 && heightPx % 2 === 0;
    // After the kernel's own memory: the I420 planes (even sizes), then the plate (with a matte).
    const i420Bytes = even ? align16((widthPx * heightPx * 3) / 2) : 0;
    this.layers = personMatte ? personLayers(source, cleanMatte(personMatte)) : undefined;
    this.kernel = new WarpKernel(widthPx, heightPx, widthPx, heightPx, i420Bytes + (this.layers ? widthPx * heightPx * 4 : 0));
    this.kernel.source.pixels.set((this.layers?.person ?? source).pixels);
    const { memory, targetOffset, spareOffset } = this.kernel;
    this.i420 = even ? new I420Converter(widthPx, heightPx, { memory, rgbaOffset: targetOffset, i420Offset: spareOffset }) : undefined;
    if (this.layers) {
      const plateOffset = spareOffset + i420Bytes;
      const plate = rgbaImageView(memory.buffer, plateOffset, widthPx, heightPx);
      plate.pixels.set(this.layers.plate.pixels);
      this.composite = new CompositeKernel(memory, this.kernel.target, targetOffset, plate, plateOffset);
    }
  }

  /** All control points of a frame in output pixels ([x, y] pairs, as mesh.rest), as last rendered. */
  get frameControlPointsPx(): Float32Array {
    return this.destination;
  }

  /** Landmarks of a frame in output pixels ([x, y] for the 468 mesh points), as last rendered. */
  get frameLandmarksPx(): Float32Array {
    return this.projected;
  }

  /** Renders the frame with these offsets (LANDMARK_COUNT x 3 cm or more) and pose into `out`. */
  render(offsetsCm: ArrayLike<number>, pose: ArrayLike<number>, out: RgbaImage): void {
    out.pixels.set(this.draw(offsetsCm, pose).pixels);
  }

  /**
   * Renders the frame as I420 (yuv420p planes, BT.601 limited range) for the encoder, converted
   * where it was drawn: no RGBA copy. A view, valid until the next frame. Even sizes only.
   */
  renderI420(offsetsCm: ArrayLike<number>, pose: ArrayLike<number>): Uint8Array {
    if (!this.i420) throw new Error(`I420 needs even sizes, got ${this.source.widthPx}x${this.source.heightPx}.`);
    this.draw(offsetsCm, pose);
    return this.i420.convert();
  }

  /**
   * The person matte as warped to this frame (one byte a pixel; all zero without a matte): where
   * the frame shows the person layer. For checks and overlays, not for export.
   */
  warpedMatte(offsetsCm: ArrayLike<number>, pose: ArrayLike<number>): Uint8Array {
    const frame = this.draw(offsetsCm, pose, false);
    const out = new Uint8Array(frame.widthPx * frame.heightPx);
    if (this.layers) for (let p = 0; p < out.length; p++) out[p] = frame.data[p * 4 + 3];
    return out;
  }

  /** Draws the frame into the kernel's target and returns it (`composite` false: the warped person layer only). */
  private draw(offsetsCm: ArrayLike<number>, pose: ArrayLike<number>, composite = true): RgbaImage {
    const { rig, crop } = this;
    for (let i = 0; i < MESH_VERTEX_COUNT * 3; i++) this.points3d[i] = rig.lmks3dCm[i] + offsetsCm[i];
    const { sides, landmarkWeights, shellWeights, landmarksCm, rigidCm, shellCm } = this.flattening;
    const yawDeg = pose[1];
    const shell = this.ringShell;
    const ringCount = shell.shiftPx.length / 2;
    sides.apply(this.points3d, MESH_VERTEX_COUNT, landmarkWeights, yawDeg, landmarksCm);
    sides.apply(rig.lmks3dCm, MESH_VERTEX_COUNT, landmarkWeights, yawDeg, rigidCm);
    sides.apply(shell.pointsCm, ringCount, shellWeights, yawDeg, shellCm);
    applyCrop(crop, projectPoints(landmarksCm, MESH_VERTEX_COUNT, rig.transMat, pose, this.photoSize, this.projected), this.projected);
    applyCrop(crop, projectPoints(rigidCm, MESH_VERTEX_COUNT, rig.transMat, pose, this.photoSize, this.rigid), this.rigid);
    applyCrop(crop, projectPoints(shellCm, ringCount, rig.transMat, pose, this.photoSize, shell.posedPx), shell.posedPx);
    for (let i = 0; i < ringCount * 2; i++) shell.shiftPx[i] = shell.posedPx[i] - shell.restPx[i];
    const dst = this.mesh.destination(this.projected, this.rigid, this.destination, shell.shiftPx, attachmentShare(yawDeg));
    const src = this.mesh.rest;
    for (let p = 0; p < this.stillPoints.length; p++) {
      this.stillPoints[p] = Math.abs(src[p * 2] - dst[p * 2]) < STILL_PX && Math.abs(src[p * 2 + 1] - dst[p * 2 + 1]) < STILL_PX ? 1 : 0;
    }
    // Every pixel is painted: the mesh covers the frame (its border points are the image's).
    const frame = this.kernel.target;
    if (composite && this.layers && this.stillPoints.every((still) => still === 1)) {
      // Nothing moved: the photo itself (the two layers give it back only to within rounding).
      frame.pixels.set(this.source.pixels);
      return frame;
    }
    for (const t of this.ringTriangles) this.drawTriangle(t, src, dst);
    this.faceOrder.update(dst, cameraDepths(this.points3d, MESH_VERTEX_COUNT, rig.transMat, pose, this.depthCm));
    for (const t of this.faceOrder.order) this.drawTriangle(t, src, dst);
    this.kernel.flush();
    if (!composite) return frame;
    this.composite?.composite();
    smoothEdges(frame, dst, this.silhouette, this.faceOrder.silhouetteEdges(this.silhouette));
    paintMouthInterior(frame, this.projected, this.restOpeningPx, this.mouthLight, this.mouthPalette);
    return frame;
  }

  /** Queues triangle t; when none of its corners moved, exactly as in the photo (an identity map copies pixels). */
  private drawTriangle(t: number, src: Float32Array, dst: Float32Array): void {
    const tris = this.mesh.triangles;
    const a = tris[t * 3];
    const b = tris[t * 3 + 1];
    const c = tris[t * 3 + 2];
    const from = this.stillPoints[a] & this.stillPoints[b] & this.stillPoints[c] ? src : dst;
    const s = this.sourceCorners;
    const d = this.targetCorners;
    for (let k = 0; k < 3; k++) {
      const v = tris[t * 3 + k];
      s[k * 2] = src[v * 2];
      s[k * 2 + 1] = src[v * 2 + 1];
      d[k * 2] = from[v * 2];
      d[k * 2 + 1] = from[v * 2 + 1];
    }
    this.kernel.addTriangle(s, d);
  }
}

/**
 * The helper rings as points of the head in 3D: each ring point lies out from the face oval's
 * centre through its anchor landmark, at the anchor's depth, scaled as in the image. Posed like the
 * face, they move the hair and ears as one rigid piece with it (parallax included).
 */
function ringShell(mesh: WarpMesh, rig: FaceRig, crop: FaceCrop, photoSize: { widthPx: number; heightPx: number }) {
  const count = mesh.ringAnchors.length;
  const pointsCm = new Float32Array(count * 3);
  let cx = 0;
  let cy = 0;
  for (const i of FACE_OVAL) {
    cx += rig.lmks3dCm[i * 3] / FACE_OVAL.length;
    cy += rig.lmks3dCm[i * 3 + 1] / FACE_OVAL.length;
  }
  for (let k = 0; k < count; k++) {
    const a = mesh.ringAnchors[k];
    const scale = mesh.ringScales[k];
    pointsCm[k * 3] = cx + (rig.lmks3dCm[a * 3] - cx) * scale;
    pointsCm[k * 3 + 1] = cy + (rig.lmks3dCm[a * 3 + 1] - cy) * scale;
    pointsCm[k * 3 + 2] = rig.lmks3dCm[a * 3 + 2];
  }
  const restPx = applyCrop(crop, projectPoints(pointsCm, count, rig.transMat, ZERO_POSE, photoSize));
  return { pointsCm, restPx, posedPx: new Float32Array(count * 2), shiftPx: new Float32Array(count * 2) };
}
