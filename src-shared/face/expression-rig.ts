import {
  LEFT_BROW,
  LEFT_EYE_LOWER,
  LEFT_EYE_UPPER,
  LEFT_IRIS,
  INNER_MOUTH_CORNERS,
  LEFT_LID_CREASE,
  LOWER_LIP_BODY,
  LOWER_LIP_INNER,
  LOWER_LIP_OUTER,
  LOWER_LIP_INNER_MID,
  MOUTH_CORNERS,
  RIGHT_BROW,
  RIGHT_EYE_LOWER,
  RIGHT_EYE_UPPER,
  RIGHT_IRIS,
  RIGHT_LID_CREASE,
  UPPER_LIP_BODY,
  UPPER_LIP_INNER,
  UPPER_LIP_INNER_MID,
  UPPER_LIP_OUTER,
} from './landmark-regions.js';
import { smoothstep } from '../math/smoothstep.js';
import { LANDMARK_COUNT } from './topology.js';

/** Expression parameters of one frame; 0 is the photo's own face. */
export interface FaceParams {
  /** 0 closed .. 1 wide open (about 13 degrees of jaw rotation). */
  jawOpen: number;
  /** 0 .. 1 lips rounded and pushed forward (/u/, /o/). */
  lipFunnel: number;
  /** -1 narrow .. 1 spread (/i/, /e/). */
  mouthWidth: number;
  /** 0 .. 1 lips pressed together (m, b, p, rest). */
  lipPress: number;
  /** 0 .. 1 mouth corners up and back. */
  smile: number;
  /** 0 open .. 1 closed, per eye. */
  blinkLeft: number;
  blinkRight: number;
  /** 0 .. 1 brows up. */
  browRaise: number;
}

export const NEUTRAL_FACE: Readonly<FaceParams> = {
  jawOpen: 0,
  lipFunnel: 0,
  mouthWidth: 0,
  lipPress: 0,
  smile: 0,
  blinkLeft: 0,
  blinkRight: 0,
  browRaise: 0,
};

const JAW_MAX_RAD = (13 * Math.PI) / 180;
/** How much less the lower lip drops at the corners than at its middle (the corners meet the upper lip). */
const LOWER_LIP_CORNER_DROP = 0.65;
type Field = Float32Array;

/**
 * Region-weighted deformation fields over the landmark topology, built from one person's rest face
 * (FaceRig.lmks3dCm, face space, cm: x right, y up, z towards the viewer). The jaw rotates about a
 * hinge near the ears and carries the lower lip, chin and lower cheeks with smooth weights; the
 * other parameters are linear displacement fields (blendshapes) shaped by distance to the mouth,
 * eyes or brows, so neighbouring regions move plausibly together.
 */
export class ExpressionRig {
  private readonly rest: Float32Array;
  private readonly jawWeight: Float32Array;
  private readonly hinge: [number, number, number];
  private readonly fields: Record<'lipFunnel' | 'mouthWidth' | 'lipPress' | 'smile' | 'blinkLeft' | 'blinkRight' | 'browRaise', Field>;

  constructor(restCm: Float32Array) {
    if (restCm.length !== LANDMARK_COUNT * 3) throw new Error('ExpressionRig needs LANDMARK_COUNT x 3 rest points');
    this.rest = restCm;
    const p = (i: number) => [restCm[i * 3], restCm[i * 3 + 1], restCm[i * 3 + 2]] as const;
    const mouth = mean(restCm, [...MOUTH_CORNERS, UPPER_LIP_INNER_MID, LOWER_LIP_INNER_MID]);
    const mouthHalfWidthCm = Math.abs(p(MOUTH_CORNERS[1])[0] - p(MOUTH_CORNERS[0])[0]) / 2;
    const lipGapCm = p(UPPER_LIP_INNER_MID)[1] - p(LOWER_LIP_INNER_MID)[1];
    // Hinge of the jaw: behind the mouth, near ear height (MediaPipe face space, cm).
    this.hinge = [0, mouth[1] + 3.2, mouth[2] - 8.5];
    this.jawWeight = this.buildJawWeights(mouth, mouthHalfWidthCm);
    this.fields = {
      lipFunnel: this.buildFunnel(mouth, mouthHalfWidthCm),
      mouthWidth: this.buildWidth(mouth, mouthHalfWidthCm),
      lipPress: this.buildPress(mouth, mouthHalfWidthCm, lipGapCm),
      smile: this.buildSmile(mouth, mouthHalfWidthCm),
      blinkRight: this.buildBlink(RIGHT_EYE_UPPER, RIGHT_EYE_LOWER, RIGHT_LID_CREASE, RIGHT_IRIS),
      blinkLeft: this.buildBlink(LEFT_EYE_UPPER, LEFT_EYE_LOWER, LEFT_LID_CREASE, LEFT_IRIS),
      browRaise: this.buildBrows(),
    };
  }

  /** Writes the LANDMARK_COUNT x 3 offsets (cm) of `params` into `out`. */
  offsets(params: FaceParams, out: Float32Array = new Float32Array(LANDMARK_COUNT * 3)): Float32Array {
    out.fill(0);
    const { fields } = this;
    addScaled(out, fields.lipFunnel, clamp(params.lipFunnel, 0, 1.5));
    addScaled(out, fields.mouthWidth, clamp(params.mouthWidth, -1, 1.5));
    addScaled(out, fields.lipPress, clamp(params.lipPress, 0, 1) * (1 - clamp(params.jawOpen, 0, 1)));
    addScaled(out, fields.smile, clamp(params.smile, -1, 1.5));
    addScaled(out, fields.blinkLeft, clamp(params.blinkLeft, 0, 1));
    addScaled(out, fields.blinkRight, clamp(params.blinkRight, 0, 1));
    addScaled(out, fields.browRaise, clamp(params.browRaise, -0.5, 1.5));
    const angle = clamp(params.jawOpen, -0.1, 1.5) * JAW_MAX_RAD;
    if (angle !== 0) this.rotateJaw(angle, out);
    return out;
  }

  /** Rotates the weighted lower face about the hinge's x axis (opening moves the chin down and back). */
  private rotateJaw(angle: number, out: Float32Array): void {
    const [, hy, hz] = this.hinge;
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const w = this.jawWeight[i];
      if (w === 0) continue;
      const a = angle * w;
      const c = Math.cos(a);
      const s = Math.sin(a);
      const y = this.rest[i * 3 + 1] + out[i * 3 + 1] - hy;
      const z = this.rest[i * 3 + 2] + out[i * 3 + 2] - hz;
      out[i * 3 + 1] += c * y - s * z - y;
      out[i * 3 + 2] += s * y + c * z - z;
    }
  }

  private buildJawWeights(mouth: readonly number[], halfWidthCm: number): Float32Array {
    const w = new Float32Array(LANDMARK_COUNT);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const [x, y] = [this.rest[i * 3], this.rest[i * 3 + 1]];
      // Full weight below the mouth line, fading out over the corners' height.
      const below = smoothstep(y, mouth[1] + 0.35, mouth[1] - 0.6);
      // Cheeks far out to the side belong to the skull, not the jaw.
      const lateral = 1 - smoothstep(Math.abs(x), halfWidthCm * 2.2, halfWidthCm * 3.4) * 0.6;
      w[i] = below * lateral;
    }
    // The lower lip drops fully at its middle and less towards the corners, where it meets the
    // upper lip (the corners themselves below): the lips part into an almond, not a slot with upright ends.
    const cornerHalfWidthCm = Math.abs(this.rest[INNER_MOUTH_CORNERS[1] * 3] - this.rest[INNER_MOUTH_CORNERS[0] * 3]) / 2;
    for (const i of [...LOWER_LIP_INNER, ...LOWER_LIP_OUTER, ...LOWER_LIP_BODY]) {
      const along = Math.abs(this.rest[i * 3] - mouth[0]) / cornerHalfWidthCm;
      w[i] = 1 - LOWER_LIP_CORNER_DROP * smoothstep(along, 0.35, 1.05);
    }
    for (const i of [...UPPER_LIP_INNER, ...UPPER_LIP_OUTER, ...UPPER_LIP_BODY]) w[i] = 0;
    for (const i of MOUTH_CORNERS) w[i] = 0.35;
    for (const i of INNER_MOUTH_CORNERS) w[i] = 0.3;
    return w;
  }

  private buildFunnel(mouth: readonly number[], halfWidthCm: number): Field {
    return this.field((x, y, z, i) => {
      const d = Math.hypot(x - mouth[0], (y - mouth[1]) * 1.3);
      const w = 1 - smoothstep(d, halfWidthCm * 0.9, halfWidthCm * 2.2);
      const lip = isLip(i) ? 1 : 0.5;
      // Forward most at the lips' middle, little at the corners (the lips round into a tube).
      const middle = 1 - 0.7 * Math.min(1, ((x - mouth[0]) / halfWidthCm) ** 2);
      return [-(x - mouth[0]) * 0.32 * w, -(y - mouth[1]) * 0.08 * w, 0.55 * w * lip * middle + 0 * z];
    });
  }

  private buildWidth(mouth: readonly number[], halfWidthCm: number): Field {
    return this.field((x, y) => {
      const d = Math.hypot(x - mouth[0], (y - mouth[1]) * 1.4);
      const w = 1 - smoothstep(d, halfWidthCm * 0.8, halfWidthCm * 2.4);
      return [((x - mouth[0]) / halfWidthCm) * 0.42 * w, -(y - mouth[1]) * 0.1 * w, -0.15 * w];
    });
  }

  private buildPress(mouth: readonly number[], halfWidthCm: number, lipGapCm: number): Field {
    // Close the rest gap of the inner lips, and roll both lips in a little.
    const close = Math.max(0, lipGapCm) / 2;
    return this.field((x, y, _z, i) => {
      const along = 1 - smoothstep(Math.abs(x - mouth[0]), halfWidthCm * 0.7, halfWidthCm * 1.1);
      if ((UPPER_LIP_INNER as readonly number[]).includes(i)) return [0, -close * along, -0.08];
      if ((LOWER_LIP_INNER as readonly number[]).includes(i)) return [0, close * along, -0.08];
      const d = Math.hypot(x - mouth[0], y - mouth[1]);
      const w = 1 - smoothstep(d, halfWidthCm * 0.5, halfWidthCm * 1.4);
      return [0, -(y - mouth[1]) * 0.12 * w, -0.1 * w];
    });
  }

  /**
   * Corners out, up and back, and the cheeks lift with them (the skin, not only the lips). At +1
   * the mouth spreads by about 0.1 of the eye-corner distance and the corners rise by about 0.04:
   * the 98th percentile of real footage (npm run measure:expressions on the reference video:
   * mouth spread +0.096, corner lift +0.03 above the median).
   */
  private buildSmile(mouth: readonly number[], halfWidthCm: number): Field {
    const eyeY = mean(this.rest, [...RIGHT_EYE_LOWER, ...LEFT_EYE_LOWER])[1];
    return this.field((x, y) => {
      const side = (x - mouth[0]) / halfWidthCm;
      const d = Math.hypot(x - mouth[0], (y - mouth[1]) * 1.2);
      const w = 1 - smoothstep(d, halfWidthCm * 0.6, halfWidthCm * 2.6);
      // The cheeks: between the mouth corners' height and the lower lids, out to the side.
      const cheekHeight = smoothstep(y, mouth[1] - 0.3, mouth[1] + 1.2) * (1 - smoothstep(y, eyeY - 1.2, eyeY + 0.2));
      const cheekSide = smoothstep(Math.abs(side), 0.4, 1.3) * (1 - smoothstep(Math.abs(side), 2.4, 3.4));
      const cheek = cheekHeight * cheekSide;
      return [side * 0.5 * w + Math.sign(side) * 0.08 * cheek, 0.5 * Math.min(1, side * side) * w + 0.35 * cheek, -0.2 * w + 0.12 * cheek];
    });
  }

  private buildBlink(upper: readonly number[], lower: readonly number[], crease: readonly number[], iris: readonly number[]): Field {
    const out = new Float32Array(LANDMARK_COUNT * 3);
    upper.forEach((u, k) => {
      const l = lower[k];
      // The upper lid travels most of the way; the lower lid rises a little to meet it.
      for (let a = 0; a < 3; a++) {
        const gap = this.rest[l * 3 + a] - this.rest[u * 3 + a];
        out[u * 3 + a] = gap * 0.85;
        out[l * 3 + a] = -gap * 0.12;
      }
    });
    upper.forEach((u, k) => {
      const c = crease[k];
      for (let a = 0; a < 3; a++) out[c * 3 + a] = out[u * 3 + a] * 0.35;
    });
    // The iris landmarks follow the lid's middle so the overlay reads as closed.
    const mid = upper[3];
    for (const i of iris) for (let a = 0; a < 3; a++) out[i * 3 + a] = out[mid * 3 + a] * 0.5;
    return out;
  }

  private buildBrows(): Field {
    const brows = new Set<number>([...RIGHT_BROW, ...LEFT_BROW]);
    const browY = mean(this.rest, [...RIGHT_BROW, ...LEFT_BROW])[1];
    return this.field((_x, y, _z, i) => {
      if (brows.has(i)) return [0, 0.55, 0.05];
      // Forehead above follows, lid creases below follow a little.
      const above = y - browY;
      if (above > 0) return [0, 0.55 * (1 - smoothstep(above, 0, 4)), 0];
      return [0, 0.55 * (1 - smoothstep(-above, 0, 1.6)) * 0.4, 0];
    });
  }

  private field(fn: (x: number, y: number, z: number, index: number) => readonly [number, number, number]): Field {
    const out = new Float32Array(LANDMARK_COUNT * 3);
    for (let i = 0; i < LANDMARK_COUNT; i++) {
      const d = fn(this.rest[i * 3], this.rest[i * 3 + 1], this.rest[i * 3 + 2], i);
      out[i * 3] = d[0];
      out[i * 3 + 1] = d[1];
      out[i * 3 + 2] = d[2];
    }
    return out;
  }
}

const LIP_POINTS = new Set<number>([...UPPER_LIP_INNER, ...LOWER_LIP_INNER, ...UPPER_LIP_OUTER, ...LOWER_LIP_OUTER, ...UPPER_LIP_BODY, ...LOWER_LIP_BODY, ...MOUTH_CORNERS]);
function isLip(i: number): boolean {
  return LIP_POINTS.has(i);
}

function mean(points: Float32Array, indices: readonly number[]): [number, number, number] {
  const m: [number, number, number] = [0, 0, 0];
  for (const i of indices) for (let a = 0; a < 3; a++) m[a] += points[i * 3 + a] / indices.length;
  return m;
}

function addScaled(out: Float32Array, field: Field, amount: number): void {
  if (amount === 0) return;
  for (let i = 0; i < out.length; i++) out[i] += field[i] * amount;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

