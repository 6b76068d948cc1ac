import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { assetInUse } from '../../src-shared/edits/document-edits';

/**
 * Everything in the document that decides the generated track: keyframe layers and the output size
 * are not among them, nor the project folder (Save As copies the same assets elsewhere). Null while
 * photo or audio is missing.
 */
export function generationInputsKey(document: ProjectDocument | null): string | null {
  if (document === null) return null;
  const photo = assetInUse(document, 'photo');
  const audio = assetInUse(document, 'audio');
  if (photo === null || audio === null) return null;
  const { fps, seed } = document.settings;
  return JSON.stringify([photo.id, photo.relPath, audio.id, audio.relPath, fps, seed, document.engines, document.poseSource]);
}
