/**
 * AniPortrait's pose-image connections (docs/aniportrait-engine.md §2.3), in drawing order: later
 * lines overwrite earlier pixels. `color` is the array-order tuple (c0, c1, c2) that AniPortrait writes
 * into its BGR canvas; the displayed RGB is the reversed tuple. 114 segments; 2 px thick lines.
 */
export interface ConnectionGroup {
  readonly name: string;
  readonly color: readonly [number, number, number];
  readonly edges: readonly (readonly [number, number])[];
}

export const POSE_IMAGE_CONNECTIONS: readonly ConnectionGroup[] = [
  { name: 'FACE_OVAL_CUSTOM', color: [10, 200, 10], edges: [[176, 149], [150, 136], [356, 454], [58, 132], [152, 148], [361, 288], [251, 389], [132, 93], [389, 356], [400, 377], [136, 172], [377, 152], [323, 361], [172, 58], [454, 323], [365, 379], [379, 378], [148, 176], [93, 234], [397, 365], [149, 150], [288, 397], [234, 127], [378, 400], [127, 162], [162, 21]] },
  { name: 'LEFT_EYE', color: [180, 200, 10], edges: [[374, 380], [390, 373], [249, 390], [385, 384], [373, 374], [263, 466], [387, 386], [381, 382], [384, 398], [466, 388], [386, 385], [388, 387], [263, 249], [380, 381], [398, 362], [382, 362]] },
  { name: 'LEFT_EYEBROW', color: [180, 220, 10], edges: [[334, 296], [276, 283], [293, 334], [295, 285], [296, 336], [282, 295], [283, 282], [300, 293]] },
  { name: 'RIGHT_EYE', color: [10, 200, 180], edges: [[154, 155], [33, 7], [246, 161], [159, 158], [144, 145], [173, 133], [158, 157], [163, 144], [153, 154], [7, 163], [161, 160], [157, 173], [33, 246], [160, 159], [145, 153], [155, 133]] },
  { name: 'RIGHT_EYEBROW', color: [10, 220, 180], edges: [[46, 53], [66, 107], [52, 65], [53, 52], [63, 105], [70, 63], [65, 55], [105, 66]] },
  { name: 'LIPS_OUTER_BOTTOM_LEFT', color: [10, 180, 20], edges: [[61, 146], [146, 91], [91, 181], [181, 84], [84, 17]] },
  { name: 'LIPS_OUTER_BOTTOM_RIGHT', color: [20, 10, 180], edges: [[17, 314], [314, 405], [405, 321], [321, 375], [375, 291]] },
  { name: 'LIPS_INNER_BOTTOM_LEFT', color: [100, 100, 30], edges: [[78, 95], [95, 88], [88, 178], [178, 87], [87, 14]] },
  { name: 'LIPS_INNER_BOTTOM_RIGHT', color: [100, 150, 50], edges: [[14, 317], [317, 402], [402, 318], [318, 324], [324, 308]] },
  { name: 'LIPS_OUTER_TOP_LEFT', color: [20, 80, 100], edges: [[61, 185], [185, 40], [40, 39], [39, 37], [37, 0]] },
  { name: 'LIPS_OUTER_TOP_RIGHT', color: [80, 100, 20], edges: [[0, 267], [267, 269], [269, 270], [270, 409], [409, 291]] },
  { name: 'LIPS_INNER_TOP_LEFT', color: [120, 100, 200], edges: [[78, 191], [191, 80], [80, 81], [81, 82], [82, 13]] },
  { name: 'LIPS_INNER_TOP_RIGHT', color: [150, 120, 100], edges: [[13, 312], [312, 311], [311, 310], [310, 415], [415, 308]] },
];
