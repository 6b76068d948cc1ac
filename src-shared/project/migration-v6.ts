import type { Migration } from './migrations.js';

/**
 * Version 6 adds the lip sync (`mouth`): per-clip controls (mouth amount, articulation, smoothing)
 * and the mouth lane's edits. A version-5 document gets the neutral controls and no edits, which
 * render exactly as before.
 */
export const toV6: Migration = {
  id: 'project/6',
  toVersion: 6,
  migrate: (doc) => ({ ...doc, schemaVersion: 6, mouth: { amount: 1, articulation: 1, smoothingSec: 0, edits: [] } }),
};
