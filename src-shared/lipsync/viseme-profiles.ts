import { z } from 'zod';
import { mfccConfigSchema } from './mfcc-config.js';

/**
 * The viseme classes the analysis recognises, uLipSync style: the five cardinal vowels; N, the
 * relaxed mouth of schwa and of n/ng (without it, every unstressed vowel and nasal would be
 * matched to the nearest cardinal vowel, most often a puckered U); M, voiced with the lips closed
 * (m, the hum before b). Unvoiced closures (p, t, pauses) need no class: the speech gate closes
 * the mouth on them.
 */
export const VISEME_CLASSES = ['A', 'I', 'U', 'E', 'O', 'N', 'M'] as const;
export type VisemeClass = (typeof VISEME_CLASSES)[number];

const vector = z.array(z.number().finite());

/**
 * Calibrated MFCC statistics per viseme class, built by `npm run calibrate:visemes`
 * (scripts/calibrate-visemes.mjs) from espeak-ng voices; never typed by hand.
 */
export const visemeProfilesSchema = z
  .object({
    format: z.literal('aniportrait-viseme-profiles/1'),
    mfcc: mfccConfigSchema,
    classes: z.array(z.enum(VISEME_CLASSES)).length(VISEME_CLASSES.length),
    /** classes.length x coefficientCount: mean MFCC of each class (speaker-normalised). */
    means: z.array(vector),
    /** Within-class variance per coefficient, pooled over classes: the distance metric. */
    pooledVariance: vector,
    /** Class-balanced mean of the calibration corpus: the origin for cepstral mean normalisation. */
    corpusMean: vector,
    /** Softmax temperature on the variance-normalised squared distance (fit by the calibration). */
    softmaxTemperature: z.number().positive(),
    /**
     * Normalised squared distance (to the nearest class, before mean normalisation) beyond which a
     * hop is unlike any calibrated speech (a held chord): its speech amount fades out up to 1.5x.
     */
    outlierDistance: z.number().positive(),
    /** Calibration frames per class, for the record. */
    frameCounts: z.array(z.number().int().nonnegative()),
    /** What the profiles were made from (voices, generator version), for the record. */
    source: z.record(z.string(), z.unknown()),
  })
  .superRefine((p, ctx) => {
    const n = p.mfcc.coefficientCount;
    const ok =
      p.means.length === p.classes.length &&
      p.means.every((m) => m.length === n) &&
      p.pooledVariance.length === n &&
      p.pooledVariance.every((v) => v > 0) &&
      p.corpusMean.length === n &&
      VISEME_CLASSES.every((c) => p.classes.includes(c));
    if (!ok) ctx.addIssue({ code: 'custom', message: `viseme profiles need one ${n}-vector per class and positive variances` });
  });

export type VisemeProfiles = z.infer<typeof visemeProfilesSchema>;

/** Validates profiles loaded from JSON; throws with the schema's message if they do not fit. */
export function parseVisemeProfiles(json: unknown): VisemeProfiles {
  return visemeProfilesSchema.parse(json);
}
