import type { AssetRole } from '../../src-shared/project/project-schema';

const AUDIO_EXTENSIONS = ['wav', 'mp3', 'm4a', 'aac', 'flac', 'ogg', 'oga', 'opus', 'webm'];
const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp', 'bmp', 'gif', 'tif', 'tiff'];

/**
 * Which asset role a dropped file plays: its MIME type when the browser knows one, else its
 * extension (drops from some file managers carry an empty type). Null when it is neither.
 */
export function roleOfFile(file: { readonly name: string; readonly type: string }): AssetRole | null {
  if (file.type.startsWith('image/')) return 'photo';
  if (file.type.startsWith('audio/')) return 'audio';
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  if (IMAGE_EXTENSIONS.includes(extension)) return 'photo';
  if (AUDIO_EXTENSIONS.includes(extension)) return 'audio';
  return null;
}
