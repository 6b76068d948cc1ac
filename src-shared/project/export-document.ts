import type { ExportOptions } from '../ipc/contract.js';
import type { ProjectDocument } from './project-schema.js';

/** The document one export renders: the project's, with the export dialog's size, frame rate and video engine. */
export function documentForExport(document: ProjectDocument, options: ExportOptions | undefined): ProjectDocument {
  if (options === undefined) return document;
  const { outputWidthPx, outputHeightPx, fps, lmk2video } = options;
  return { ...document, settings: { ...document.settings, outputWidthPx, outputHeightPx, fps }, engines: { ...document.engines, lmk2video } };
}
