import { LANDMARK_COUNT, MESH_VERTEX_COUNT } from './topology.js';

/**
 * The face's left/right symmetry: for each of the 478 landmarks, the one it mirrors to across the
 * face's mid-plane (x = 0 in face space); itself for the 28 points on the mid-line. The 468 mesh
 * entries are MediaPipe's canonical mesh paired by nearest mirrored vertex (the canonical mesh is
 * exactly symmetric: every mirrored vertex lands on another); tests/unit/face-symmetry.test.ts
 * computes them again from the mesh. The 10 iris points follow the iris model's order (centre,
 * then right, top, left, bottom in the image): centre pairs with centre, right with left, top
 * with top.
 */
const MESH_MIRROR: readonly number[] = [
  0, 1, 2, 248, 4, 5, 6, 249, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 250, 251, 252, 253,
  254, 255, 256, 257, 258, 259, 260, 261, 262, 263, 264, 265, 266, 267, 268, 269, 270, 271, 272, 273, 274, 275, 276, 277,
  278, 279, 280, 281, 282, 283, 284, 285, 286, 287, 288, 289, 290, 291, 292, 293, 294, 295, 296, 297, 298, 299, 300, 301,
  302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315, 316, 317, 318, 319, 320, 321, 322, 323, 94, 324,
  325, 326, 327, 328, 329, 330, 331, 332, 333, 334, 335, 336, 337, 338, 339, 340, 341, 342, 343, 344, 345, 346, 347, 348,
  349, 350, 351, 352, 353, 354, 355, 356, 357, 358, 359, 360, 361, 362, 363, 364, 365, 366, 367, 368, 369, 370, 371, 372,
  373, 374, 375, 376, 377, 378, 379, 151, 152, 380, 381, 382, 383, 384, 385, 386, 387, 388, 389, 390, 164, 391, 392, 393,
  168, 394, 395, 396, 397, 398, 399, 175, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415,
  416, 417, 418, 195, 419, 197, 420, 199, 200, 421, 422, 423, 424, 425, 426, 427, 428, 429, 430, 431, 432, 433, 434, 435,
  436, 437, 438, 439, 440, 441, 442, 443, 444, 445, 446, 447, 448, 449, 450, 451, 452, 453, 454, 455, 456, 457, 458, 459,
  460, 461, 462, 463, 464, 465, 466, 467, 3, 7, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33,
  34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57,
  58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
  82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 95, 96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106,
  107, 108, 109, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128, 129, 130,
  131, 132, 133, 134, 135, 136, 137, 138, 139, 140, 141, 142, 143, 144, 145, 146, 147, 148, 149, 150, 153, 154, 155, 156,
  157, 158, 159, 160, 161, 162, 163, 165, 166, 167, 169, 170, 171, 172, 173, 174, 176, 177, 178, 179, 180, 181, 182, 183,
  184, 185, 186, 187, 188, 189, 190, 191, 192, 193, 194, 196, 198, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211,
  212, 213, 214, 215, 216, 217, 218, 219, 220, 221, 222, 223, 224, 225, 226, 227, 228, 229, 230, 231, 232, 233, 234, 235,
  236, 237, 238, 239, 240, 241, 242, 243, 244, 245, 246, 247,
];

const IRIS_MIRROR: readonly number[] = [473, 476, 475, 474, 477, 468, 471, 470, 469, 472];

/** LANDMARK_COUNT entries: the mirror landmark of each. */
export const LANDMARK_MIRROR: Uint16Array = Uint16Array.from([...MESH_MIRROR, ...IRIS_MIRROR]);

if (LANDMARK_MIRROR.length !== LANDMARK_COUNT || MESH_MIRROR.length !== MESH_VERTEX_COUNT) throw new Error('face-symmetry: the mirror table does not cover every landmark');

/** Each vertex's mirror in `positionsCm` (n x 3, face space): the nearest vertex to (-x, y, z). */
export function nearestMirrorPairs(positionsCm: Float32Array): number[] {
  const n = positionsCm.length / 3;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = -positionsCm[i * 3];
    const y = positionsCm[i * 3 + 1];
    const z = positionsCm[i * 3 + 2];
    let best = i;
    let bestSq = Infinity;
    for (let j = 0; j < n; j++) {
      const d = (positionsCm[j * 3] - x) ** 2 + (positionsCm[j * 3 + 1] - y) ** 2 + (positionsCm[j * 3 + 2] - z) ** 2;
      if (d < bestSq) {
        bestSq = d;
        best = j;
      }
    }
    out.push(best);
  }
  return out;
}

/** The picked landmarks with their mirrors added (sorted, no repeats). */
export function withMirrored(indices: readonly number[]): number[] {
  const set = new Set<number>();
  for (const i of indices) {
    set.add(i);
    set.add(LANDMARK_MIRROR[i]);
  }
  return [...set].sort((a, b) => a - b);
}
