import { randomBytes } from 'node:crypto';
import { copyFile, readFile, rm, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { MAX_IMPORT_BYTES } from '../../src-shared/ipc/contract.js';
import type { AssetRef, AssetRole } from '../../src-shared/project/project-schema.js';
import { assetRefSchema } from '../../src-shared/project/project-schema.js';
import { StudioError } from '../../src-shared/util/result.js';
import { computeAudioPeaks } from '../media/audio-peaks.js';
import { countAnalysisSamples } from '../media/decode-audio-clip.js';
import type { AudioPeaks } from '../media/audio-peaks.js';
import { probeAudio, probeImage, probeVideo } from '../media/probe-media.js';
import { POSE_LENGTH } from '../../src-shared/face/topology.js';
import { parseNpy } from '../../src-shared/formats/npy.js';
import { firstBadPoseRow } from '../../src-shared/motion/pose-row-check.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { toStudioFsError } from '../util/fs-errors.js';
import { ASSETS_DIR, projectAssetPath } from './project-files.js';
import { realPathInside } from './real-path-inside.js';
import type { ProjectService } from './project-service.js';

export type ImportSource =
  | { readonly kind: 'bytes'; readonly fileName: string; readonly data: ArrayBuffer }
  | { readonly kind: 'path'; readonly path: string };

const MIME_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.wav': 'audio/wav',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.npy': 'application/octet-stream',
};

/** Copies media into a project's assets/ folder, checks it is what it claims, and reads it back. */
export class AssetService {
  constructor(
    private readonly projects: ProjectService,
    /** Paths the user picked in a native dialog; only these may be imported by path. */
    private readonly grantedPaths: ReadonlySet<string>,
  ) {}

  async import(workDir: string, role: AssetRole, source: ImportSource): Promise<AssetRef> {
    const dir = this.projects.checkWorkDir(workDir);
    const originalName = source.kind === 'bytes' ? source.fileName : source.path.split(/[\\/]/).pop() ?? source.path;
    const label = `The ${role} "${originalName}"`;
    const relPath = `${ASSETS_DIR}/${role}-${randomBytes(6).toString('hex')}${safeExtension(originalName)}`;
    // The assets folder itself may have been replaced by a link: nothing is written through it.
    const destination = realPathInside(dir, join(dir, relPath), relPath);
    const byteLength = await this.copyIn(source, destination, label);
    try {
      const media = await probeAsset(role, destination, label);
      return assetRefSchema.parse({ id: `asset_${randomBytes(6).toString('hex')}`, role, relPath, originalName, byteLength, media });
    } catch (error) {
      await rm(destination, { force: true });
      throw error;
    }
  }

  async read(workDir: string, relPath: string): Promise<{ mimeType: string; data: ArrayBuffer }> {
    const file = this.resolveAsset(workDir, relPath);
    try {
      const size = (await stat(file)).size;
      if (size > MAX_IMPORT_BYTES) throw new StudioError('too-large', `The asset "${relPath}" is larger than 512 MiB.`);
      const bytes = await readFile(file);
      const data = new Uint8Array(bytes).buffer;
      return { mimeType: MIME_BY_EXTENSION[extname(file).toLowerCase()] ?? 'application/octet-stream', data };
    } catch (error) {
      throw toStudioFsError(error, `the asset "${relPath}"`);
    }
  }

  peaks(workDir: string, relPath: string, peaksPerSec: number, signal?: AbortSignal): Promise<AudioPeaks> {
    const file = this.resolveAsset(workDir, relPath);
    return computeAudioPeaks(file, `The audio "${relPath}"`, peaksPerSec, signal);
  }

  /** Absolute path of a project asset; 'forbidden' for anything outside the project folder. */
  resolveAsset(workDir: string, relPath: string): string {
    return projectAssetPath(this.projects.checkWorkDir(workDir), relPath);
  }

  private async copyIn(source: ImportSource, destination: string, label: string): Promise<number> {
    if (source.kind === 'bytes') {
      if (source.data.byteLength === 0) throw new StudioError('unsupported-media', `${label} is empty (0 bytes).`);
      await writeFileAtomic(destination, new Uint8Array(source.data), label.toLowerCase());
      return source.data.byteLength;
    }
    const path = resolve(source.path);
    if (!this.grantedPaths.has(path)) {
      throw new StudioError('forbidden', `${label} was not chosen in a file dialog. Use Import to pick it.`);
    }
    try {
      const { size } = await stat(path);
      if (size > MAX_IMPORT_BYTES) throw new StudioError('too-large', `${label} is larger than 512 MiB. Shorten or compress it first.`);
      await copyFile(path, destination);
      return size;
    } catch (error) {
      throw toStudioFsError(error, label.toLowerCase());
    }
  }
}

/** What the file is, checked for its role: an error names the file and says what it should be. */
async function probeAsset(role: AssetRole, path: string, label: string): Promise<AssetRef['media']> {
  switch (role) {
    case 'audio': {
      const facts = await probeAudio(path, label);
      return { ...facts, analysisSampleCount: await countAnalysisSamples(path, label) };
    }
    case 'photo':
      return probeImage(path, label);
    case 'pose-video':
    case 'performance-video': {
      const { widthPx, heightPx, durationSec } = await probeVideo(path, label);
      return { kind: 'video', widthPx, heightPx, durationSec };
    }
    case 'pose-template': {
      let array;
      try {
        array = parseNpy(new Uint8Array(await readFile(path)));
      } catch (error) {
        throw new StudioError('unsupported-media', `${label} is not a usable pose template: ${(error as Error).message}.`);
      }
      if (array.shape.length !== 2 || array.shape[1] !== POSE_LENGTH || array.shape[0] < 2) {
        throw new StudioError('unsupported-media', `${label} has shape (${array.shape.join(', ')}); a pose template is (n, 6) rows of [rx, ry, rz, tx, ty, tz] like AniPortrait's pose_temp.npy.`);
      }
      const bad = firstBadPoseRow(array.data);
      if (bad) throw new StudioError('unsupported-media', `${label} cannot be used as a pose template: ${bad}. Fix or re-export the template.`);
      return { kind: 'pose-template', frameCount: array.shape[0] };
    }
  }
}

/** Keeps a short, plain extension so ffmpeg and the OS recognise the file; drops anything odd. */
function safeExtension(name: string): string {
  const ext = extname(name).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}
