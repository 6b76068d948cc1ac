/**
 * Named landmark sets of the MediaPipe face-mesh topology (468 mesh points + 10 iris points).
 * "Right" and "left" are the subject's own.
 */
export const UPPER_LIP_INNER = [78, 191, 80, 81, 82, 13, 312, 311, 310, 415, 308] as const;
export const LOWER_LIP_INNER = [95, 88, 178, 87, 14, 317, 402, 318, 324] as const;
export const UPPER_LIP_OUTER = [185, 40, 39, 37, 0, 267, 269, 270, 409] as const;
export const LOWER_LIP_OUTER = [146, 91, 181, 84, 17, 314, 405, 321, 375] as const;
/** Points on the upper lip's body between its outer and inner contours. */
export const UPPER_LIP_BODY = [183, 42, 41, 38, 12, 268, 271, 272, 407, 184, 74, 73, 72, 11, 302, 303, 304, 408] as const;
export const LOWER_LIP_BODY = [96, 89, 179, 86, 15, 316, 403, 319, 325, 77, 90, 180, 85, 16, 315, 404, 320, 307] as const;
export const MOUTH_CORNERS = [61, 291] as const;
export const INNER_MOUTH_CORNERS = [78, 308] as const;
/** Midline points of the inner lips: the mouth opening is their distance. */
export const UPPER_LIP_INNER_MID = 13;
export const LOWER_LIP_INNER_MID = 14;
export const CHIN_BOTTOM = 152;
export const NOSE_TIP = 1;
export const FOREHEAD_TOP = 10;

/** Eyelids, corner to corner, upper and lower paired point by point. */
export const RIGHT_EYE_UPPER = [246, 161, 160, 159, 158, 157, 173] as const;
export const RIGHT_EYE_LOWER = [7, 163, 144, 145, 153, 154, 155] as const;
export const LEFT_EYE_UPPER = [466, 388, 387, 386, 385, 384, 398] as const;
export const LEFT_EYE_LOWER = [249, 390, 373, 374, 380, 381, 382] as const;
/** The ring of lid skin above each eye (crease), which follows the lid part of the way. */
export const RIGHT_LID_CREASE = [247, 30, 29, 27, 28, 56, 190] as const;
export const LEFT_LID_CREASE = [467, 260, 259, 257, 258, 286, 414] as const;
export const RIGHT_IRIS = [468, 469, 470, 471, 472] as const;
export const LEFT_IRIS = [473, 474, 475, 476, 477] as const;

export const RIGHT_BROW = [70, 63, 105, 66, 107, 46, 53, 52, 65, 55] as const;
export const LEFT_BROW = [300, 293, 334, 296, 336, 276, 283, 282, 295, 285] as const;
