import type { Migration } from './migrations.js';

/**
 * Version 6 adds sculpted shapes: `shapes` (named 478 x 3 landmark offsets from the rest face, in
 * face space) and their weights as keyable channels `shape:<id>` in the layers. Additive: a
 * version-5 document has no shapes, so it gets an empty list and nothing else changes.
 */
export const toV6: Migration = {
  id: 'project/6',
  toVersion: 6,
  migrate: (doc) => ({ ...doc, schemaVersion: 6, shapes: [] }),
};
