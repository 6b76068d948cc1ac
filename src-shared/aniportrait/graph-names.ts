/** The reference UNet's attention bank outputs = the denoising UNet's bank inputs (docs/aniportrait-engine.md §5.2). */
export const BANK_NAMES = [
  'ref_d00', 'ref_d01', 'ref_d10', 'ref_d11', 'ref_d20', 'ref_d21', 'ref_m',
  'ref_u10', 'ref_u11', 'ref_u12', 'ref_u20', 'ref_u21', 'ref_u22', 'ref_u30', 'ref_u31', 'ref_u32',
] as const;

/** The pose guider's outputs = the denoising UNet's pose inputs. */
export const POSE_FEATURE_NAMES = ['pose_fea_0', 'pose_fea_1', 'pose_fea_2', 'pose_fea_3', 'pose_fea_4'] as const;
