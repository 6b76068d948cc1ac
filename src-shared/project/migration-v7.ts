import type { Migration } from './migrations.js';

/**
 * Version 7 adds sculpted shapes: `shapes` (named 478 x 3 landmark offsets from the rest face, in
 * face space) and their weights as keyable channels `shape:<id>` in the layers. Additive: a
 * version-6 document has no shapes, so it gets an empty list and nothing else changes.
 */
export const toV7: Migration = {
  id: 'project/7',
  toVersion: 7,
  migrate: (doc) => ({ ...doc, schemaVersion: 7, shapes: [] }),
};
