import profilesJson from './viseme-profiles.json' with { type: 'json' };
import type { VisemeProfiles } from './viseme-profiles.js';
import { parseVisemeProfiles } from './viseme-profiles.js';

let cached: VisemeProfiles | undefined;

/** The profiles calibrated by `npm run calibrate:visemes`, validated once on first use. */
export function defaultVisemeProfiles(): VisemeProfiles {
  cached ??= parseVisemeProfiles(profilesJson);
  return cached;
}
