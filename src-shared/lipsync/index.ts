/** Lip sync of the built-in Audio2Lmk engine: audio in, per-video-frame mouth parameters out. */
export type { LipSyncOptions, MouthTrack } from './analyze-lip-sync.js';
export { analyzeLipSync } from './analyze-lip-sync.js';
export { defaultVisemeProfiles } from './default-viseme-profiles.js';
export type { MouthShape } from './mouth-shapes.js';
export { VISEME_SHAPES } from './mouth-shapes.js';
export type { MfccConfig } from './mfcc-config.js';
export type { VisemeClass, VisemeProfiles } from './viseme-profiles.js';
export { parseVisemeProfiles, VISEME_CLASSES } from './viseme-profiles.js';
