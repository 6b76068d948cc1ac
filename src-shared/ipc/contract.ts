import { z } from 'zod';
import { assetRefSchema, ASSET_ROLES, ENGINES, projectDocumentSchema, projectSettingsSchema } from '../project/project-schema.js';
import { relativePathSchema } from '../project/project-schema.js';
import { ERROR_CODES } from '../util/result.js';
import { GRAPH_STAGES } from '../models/model-manifest.js';
import { arrayBufferSchema, float32ArraySchema, float64ArraySchema, uint32ArraySchema, uint8ArraySchema } from './binary-schemas.js';
import { farmJobViewSchema, farmWorkerViewSchema } from '../farm/farm-job-view.js';
import { outputNameProblem } from '../farm/farm-job.js';

/**
 * The one list of every channel between the studio UI and the services. Invoke channels are
 * 'domain:verb' (request -> response); push channels are 'domain:did-x' (service -> UI).
 * Hosts and clients are derived from these objects; code that names one channel uses its typed
 * constant (CHANNEL.projectOpen, PUSH_CHANNEL.jobsDidProgress), so a misspelt name does not compile.
 */

/** Largest file the UI may send as bytes for import (512 MiB). */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

/** Largest side of a live-preview frame sent for face detection (capture:detect-face). */
export const MAX_CAPTURE_FRAME_SIDE_PX = 640;

/** An absolute or user-typed file-system path; the services check what it points at. */
const fsPathSchema = z.string().min(1).max(4096).refine((p) => !p.includes('\0'), 'must not contain NUL');

/** A project's working folder (`*.aniproj`), as handed out by project:new / project:open / project:save. */
const workDirSchema = fsPathSchema;

const isoTimeSchema = z.iso.datetime();

/** Chosen by the caller, so that it can match progress pushes and cancel before the answer comes. */
const jobIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/);

export const errorInfoSchema = z.strictObject({ code: z.enum(ERROR_CODES), message: z.string() });

const recoverySchema = z.strictObject({
  /** When the autosave was written (ISO 8601); newer than the saved project. */
  savedAt: isoTimeSchema,
  document: projectDocumentSchema,
});

const openedProjectSchema = z.strictObject({
  /** Folder holding project.json and assets/; the handle for every later request on this project. */
  workDir: workDirSchema,
  /** Where the project is saved, or null while it is untitled (never saved). */
  savedPath: fsPathSchema.nullable(),
  document: projectDocumentSchema,
  /** Migrations that ran on load (e.g. 'project/1'); the UI tells the user the file was upgraded. */
  migrationsApplied: z.array(z.string()),
  /** An autosave newer than the saved document, if one exists: the UI offers to restore it. */
  recovery: recoverySchema.nullable(),
});
export type OpenedProject = z.infer<typeof openedProjectSchema>;

const executionProviderSchema = z.strictObject({
  name: z.string(),
  /** True when the provider's binaries are present and can be tried. */
  available: z.boolean(),
  detail: z.string(),
});

const modelStatusSchema = z.strictObject({
  /** e.g. 'builtin: face mesh' or 'aniportrait: audio2mesh.onnx'. */
  name: z.string(),
  status: z.enum(['ready', 'missing', 'invalid', 'not-implemented']),
  detail: z.string(),
  /** For an AniPortrait graph: its file and the stage that loads it (from the model manifest). */
  graph: z.strictObject({ file: z.string(), stage: z.enum(GRAPH_STAGES) }).optional(),
});

export const appInfoSchema = z.strictObject({
  appVersion: z.string(),
  host: z.enum(['electron', 'web', 'cli']),
  versions: z.record(z.string(), z.string()),
  executionProviders: z.array(executionProviderSchema),
  models: z.array(modelStatusSchema),
  /** Folder of the studio's own files (recent list, untitled projects). */
  dataDir: z.string(),
  /** Suggested folder for new projects. */
  projectsDir: z.string(),
  /** Where the AniPortrait engine looks for the user's exported ONNX graphs. */
  modelsDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const recentProjectSchema = z.strictObject({ path: fsPathSchema, name: z.string(), openedAt: isoTimeSchema });

const importSourceSchema = z.discriminatedUnion('kind', [
  /** Bytes the UI read from a file input or a drop. */
  z.strictObject({
    kind: z.literal('bytes'),
    fileName: z.string().min(1).max(255),
    data: arrayBufferSchema.refine((b) => b.byteLength <= MAX_IMPORT_BYTES, 'file is larger than 512 MiB'),
  }),
  /** A path the user picked in a native dialog of this session (dialog:pick-media). */
  z.strictObject({ kind: z.literal('path'), path: fsPathSchema }),
]);

/** H.264 (yuv420p) needs even sizes: refused in the export dialog's field, not at the end of the export. */
const evenPxSchema = projectSettingsSchema.shape.outputWidthPx.refine((v) => v % 2 === 0, 'must be even (H.264 needs even sizes)');

/** What the export dialog may set for one export without editing the project. */
export const exportOptionsSchema = z.strictObject({
  outputWidthPx: evenPxSchema,
  outputHeightPx: evenPxSchema,
  fps: projectSettingsSchema.shape.fps,
  lmk2video: z.enum(ENGINES),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

/** Where the studio's render queue is: a Redis (the local one or a farm's) and the storage its workers share. */
export const queueSettingsSchema = z.strictObject({
  redisUrl: z.string().max(2000).regex(/^rediss?:\/\/[^\s]+$/, 'must be a redis:// or rediss:// URL'),
  storageDir: fsPathSchema,
  /** Run a worker inside the studio (the local queue); off when only farm machines render. */
  localWorker: z.boolean(),
});
export type QueueSettings = z.infer<typeof queueSettingsSchema>;

const queueJobIdSchema = z.string().min(1).max(64).regex(/^[\w-]+$/);
/** An untitled project (never saved) whose autosave can be recovered after a reload or a crash. */
const untitledRecoverySchema = z.strictObject({
  workDir: workDirSchema,
  name: z.string(),
  /** When its autosave was written (ISO 8601). */
  savedAt: isoTimeSchema,
  /** The project's photo, when it has one small enough to show (at most MAX_THUMBNAIL_BYTES). */
  thumbnail: z.strictObject({ mimeType: z.string(), data: arrayBufferSchema }).nullable(),
});
export type UntitledRecovery = z.infer<typeof untitledRecoverySchema>;

/** Largest photo sent as a recovery thumbnail. */
export const MAX_THUMBNAIL_BYTES = 4 * 1024 * 1024;

const folderEntrySchema = z.strictObject({
  name: z.string(),
  path: fsPathSchema,
  /** 'project' is an `*.aniproj` folder (opened, not entered). */
  kind: z.enum(['folder', 'project', 'file']),
});

/** One folder as the web host's file browser shows it: only inside the browse roots (docs/studio-usability.md §2). */
const folderListingSchema = z.strictObject({
  /** The folder listed (links resolved). */
  path: fsPathSchema,
  /** From the browse root down to this folder. */
  breadcrumbs: z.array(z.strictObject({ name: z.string(), path: fsPathSchema })),
  /** Sub-folders, projects and the files whose extension was asked for, sorted by name. */
  entries: z.array(folderEntrySchema),
  /** Where browsing may go: the home folder and the studio's data folder. */
  roots: z.array(z.strictObject({ name: z.string(), path: fsPathSchema })),
});
export type FolderListing = z.infer<typeof folderListingSchema>;

const layoutSettingsSchema = z.strictObject({
  /** Width of the inspector column (px). */
  inspectorWidthPx: z.number().int().min(200).max(1200).optional(),
  /** Width of the 3D viewport column (px). */
  viewportWidthPx: z.number().int().min(200).max(2000).optional(),
  /** Height of the timeline panel (px). */
  timelineHeightPx: z.number().int().min(120).max(2000).optional(),
});
export type LayoutSettings = z.infer<typeof layoutSettingsSchema>;

export const MAX_RECENT_FOLDERS = 8;

/** Where a project's last export went (the studio's own settings, not the project file). */
const exportTargetSchema = z.strictObject({ folder: fsPathSchema, fileName: z.string().min(1).max(255) });

/** The studio's own settings in its data folder (studio-settings.json): never part of a project. */
export const studioSettingsSchema = z.strictObject({
  /** Folders files were saved to or opened from, newest first. */
  recentFolders: z.array(fsPathSchema).max(MAX_RECENT_FOLDERS),
  /** Last export folder and file name, by project id. */
  exportTargets: z.record(z.string().min(1).max(64), exportTargetSchema),
  layout: layoutSettingsSchema,
  /** The render queue's Redis and storage (absent until set); written only through queue:set-settings, which checks the storage folder. */
  queue: queueSettingsSchema.optional(),
});
export type StudioSettings = z.infer<typeof studioSettingsSchema>;
/** What settings:update may change: everything but the render queue's settings (queue:set-settings). */
export const studioSettingsPatchSchema = studioSettingsSchema.omit({ queue: true }).partial();
export type StudioSettingsPatch = z.infer<typeof studioSettingsPatchSchema>;

function invoke<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response };
}

export const invokeChannels = {
  'app:info': invoke(z.strictObject({}), appInfoSchema),
  /** The UI reports unsaved changes so the host can ask before the window closes (Electron). */
  'app:set-dirty': invoke(z.strictObject({ dirty: z.boolean() }), z.strictObject({})),
  /** After app:did-ask-save, the project is saved: close the window (Electron; other hosts answer no-native-dialog). */
  'app:close-window': invoke(z.strictObject({}), z.strictObject({})),
  'project:new': invoke(z.strictObject({ name: z.string().min(1).max(200) }), openedProjectSchema),
  'project:open': invoke(z.strictObject({ path: fsPathSchema }), openedProjectSchema),
  'project:save': invoke(
    z.strictObject({
      workDir: workDirSchema,
      /** Target `*.aniproj` folder: the current savedPath to save, another path to save as. */
      path: fsPathSchema,
      document: projectDocumentSchema,
      /** Create the folder the project goes in when it does not exist (the user agreed); otherwise 'missing-folder'. */
      createFolders: z.boolean().optional(),
    }),
    z.strictObject({ workDir: workDirSchema, savedPath: fsPathSchema, savedAt: isoTimeSchema }),
  ),
  'project:autosave': invoke(
    z.strictObject({ workDir: workDirSchema, document: projectDocumentSchema }),
    z.strictObject({ savedAt: isoTimeSchema }),
  ),
  'project:discard-recovery': invoke(z.strictObject({ workDir: workDirSchema }), z.strictObject({})),
  'project:recent': invoke(z.strictObject({}), z.array(recentProjectSchema)),
  /** Untitled projects with an autosave (work lost to a reload or a crash), newest first. */
  'project:list-untitled': invoke(z.strictObject({}), z.array(untitledRecoverySchema)),
  /** Opens an untitled project of project:list-untitled; its autosave comes as `recovery`. */
  'project:open-untitled': invoke(z.strictObject({ workDir: workDirSchema }), openedProjectSchema),
  /** Deletes an untitled project of project:list-untitled (its autosave and assets). */
  'project:discard-untitled': invoke(z.strictObject({ workDir: workDirSchema }), z.strictObject({})),
  /**
   * One folder for the in-app file browser (hosts without native dialogs): `path` null lists the
   * first root. Refused ('forbidden') outside the browse roots, links resolved.
   */
  'files:list': invoke(
    z.strictObject({ path: fsPathSchema.nullable(), extensions: z.array(z.string().regex(/^\.[a-z0-9]{1,10}$/)).max(20) }),
    folderListingSchema,
  ),
  /** Creates one folder `name` in `parent` (inside the browse roots) for the file browser. */
  'files:make-folder': invoke(
    z.strictObject({ parent: fsPathSchema, name: z.string().min(1).max(255) }),
    z.strictObject({ path: fsPathSchema }),
  ),
  'settings:get': invoke(z.strictObject({}), studioSettingsSchema),
  /** Replaces the given parts of the studio settings; answers the settings as stored. */
  'settings:update': invoke(studioSettingsPatchSchema, studioSettingsSchema),
  'assets:import': invoke(
    z.strictObject({ workDir: workDirSchema, role: z.enum(ASSET_ROLES), source: importSourceSchema }),
    assetRefSchema,
  ),
  'assets:read': invoke(
    z.strictObject({ workDir: workDirSchema, relPath: relativePathSchema }),
    z.strictObject({ mimeType: z.string(), data: arrayBufferSchema }),
  ),
  'audio:peaks': invoke(
    z.strictObject({
      workDir: workDirSchema,
      relPath: relativePathSchema,
      /** Peak pairs per second of audio, 1..1000. */
      peaksPerSec: z.number().int().min(1).max(1000),
    }),
    z.strictObject({
      durationSec: z.number().nonnegative(),
      /** Rate the peaks were computed at (the file is decoded to this rate first), not the file's own. */
      sampleRateHz: z.number().int().positive(),
      /** Interleaved [min, max] pairs in -1..1, peaksPerSec of them per second. */
      minMax: float32ArraySchema,
    }),
  ),
  /**
   * Runs the project's Audio2Lmk engine (or reuses its last result for the same inputs) and returns
   * the face rig and the generated track, before keyframe layers. Progress arrives as
   * jobs:did-progress pushes with this jobId; jobs:cancel stops it.
   */
  'track:generate': invoke(
    z.strictObject({ workDir: workDirSchema, document: projectDocumentSchema, jobId: jobIdSchema }),
    z.strictObject({
      rig: z.strictObject({
        imageWidthPx: z.number().int().positive(),
        imageHeightPx: z.number().int().positive(),
        /** 478 x 3 face-space points (cm). */
        lmks3dCm: float32ArraySchema,
        /** 4 x 4 row-major canonical -> camera transform. */
        transMat: float64ArraySchema,
        /** 478 x 2 photo landmarks (px). */
        landmarks2dPx: float32ArraySchema,
      }),
      track: z.strictObject({
        fps: z.number().positive(),
        frameCount: z.number().int().positive(),
        /** FACE_PARAM_NAMES.length x frameCount, parameter-major (FaceParamTrack.paramValues): each parameter's frames in a run. */
        params: float32ArraySchema,
        /** frameCount x 6 pose vectors [rx, ry, rz (deg), tx, ty, tz (cm)]. */
        poses: float32ArraySchema,
        /** frameCount x 478 x 3 offsets (cm) from a mesh engine (AniPortrait's audio2mesh) that the params add to. */
        meshOffsetsCm: float32ArraySchema.optional(),
      }),
      /** Things the user should know (e.g. several faces in the photo). */
      warnings: z.array(z.string()),
    }),
  ),
  /** The face mesh's triangles (MediaPipe's canonical face, 3 vertex indices < 468 each), for the 3D viewport's shaded surface. */
  'face:mesh': invoke(z.strictObject({}), z.strictObject({ triangles: uint32ArraySchema })),
  /**
   * Exports the project (generated track + keyframe layers) to an MP4 at `outPath` (written as
   * .part, renamed when complete). Progress: jobs:did-progress pushes with this jobId.
   */
  'export:video': invoke(
    z.strictObject({
      workDir: workDirSchema,
      document: projectDocumentSchema,
      jobId: jobIdSchema,
      outPath: fsPathSchema.refine((p) => p.toLowerCase().endsWith('.mp4'), 'must end in .mp4'),
      /** This export's size, frame rate and video engine, where they differ from the project's (the project is not changed). */
      options: exportOptionsSchema.optional(),
      /** Create the folder of `outPath` when it does not exist (the user agreed); otherwise 'missing-folder'. */
      createFolders: z.boolean().optional(),
    }),
    z.strictObject({
      outPath: fsPathSchema,
      frameCount: z.number().int().positive(),
      durationSec: z.number().positive(),
      /** Things the user should know (e.g. an execution provider that could not load a model). */
      warnings: z.array(z.string()),
    }),
  ),
  /** Stops a running job (track generation or export); unknown or finished ids are ignored. */
  'jobs:cancel': invoke(z.strictObject({ jobId: jobIdSchema }), z.strictObject({})),
  /** Shows a file in the system's file manager (Electron; other hosts answer no-native-dialog). */
  'shell:reveal': invoke(z.strictObject({ path: fsPathSchema }), z.strictObject({})),
  /**
   * The document a preview shows from now on, sent once per edit (not with every frame): frames
   * are then asked for by `{ previewId, revision, frameIndex }`. `previewId` is chosen by the
   * preview (one per canvas); `revision` counts its documents up from 1.
   */
  'preview:set-document': invoke(
    z.strictObject({ previewId: jobIdSchema, revision: z.number().int().positive(), workDir: workDirSchema, document: projectDocumentSchema }),
    z.strictObject({}),
  ),
  /**
   * One frame of the preview's document at `revision`, rendered at the output size or, with
   * `targetWidthPx`, directly at a smaller size of the same framing (the preview asks for the size
   * it shows the frame at, and for a quick draft a quarter as wide first). 'stale-revision' when
   * the services no longer hold that revision: set the document again.
   */
  'preview:render-frame': invoke(
    z.strictObject({
      previewId: jobIdSchema,
      revision: z.number().int().positive(),
      frameIndex: z.number().int().nonnegative(),
      /**
       * Width (px) the caller shows the frame at. The frame comes at the output size scaled by the
       * smallest k/8 (k = 1..8) whose width covers it: never larger than the output, and a few sizes
       * only however the window is resized. Omitted: the output size.
       */
      targetWidthPx: z.number().int().positive().max(16384).optional(),
    }),
    z.strictObject({
      frameIndex: z.number().int().nonnegative(),
      frameCount: z.number().int().positive(),
      fps: z.number().positive(),
      widthPx: z.number().int().positive(),
      heightPx: z.number().int().positive(),
      /** widthPx x heightPx x 4 bytes, RGBA rows top to bottom (ImageData layout). */
      rgba: uint8ArraySchema,
    }),
  ),
  /** The render queue's settings (kept in the data folder; the queue itself lives in Redis and survives restarts). */
  'queue:settings': invoke(z.strictObject({}), queueSettingsSchema),
  'queue:set-settings': invoke(queueSettingsSchema, queueSettingsSchema),
  /** Sends the open project, as it is now, to the queue; rendered by a worker to the storage's outputs/outName. */
  'queue:submit': invoke(
    z.strictObject({
      workDir: workDirSchema,
      document: projectDocumentSchema,
      outName: z.string().max(255).refine((name) => outputNameProblem(name) === null, 'must be a plain file name ending in .mp4'),
      priority: z.number().int().min(1).max(2097152).optional(),
    }),
    z.strictObject({ jobId: queueJobIdSchema }),
  ),
  /** Every job of the queue (state, progress, ETA, attempts, result) and the connected workers. */
  'queue:list': invoke(z.strictObject({}), z.strictObject({ jobs: z.array(farmJobViewSchema), workers: z.array(farmWorkerViewSchema) })),
  'queue:cancel': invoke(z.strictObject({ jobId: queueJobIdSchema }), z.strictObject({ outcome: z.enum(['removed', 'stopping', 'already-finished']) })),
  'queue:retry': invoke(z.strictObject({ jobId: queueJobIdSchema }), z.strictObject({})),
  /**
   * Follows the queue: pushes queue:did-change (with this watchId) at once, on every job event and
   * at least every few seconds; answers when jobs:cancel { jobId: watchId } stops it, the caller is
   * gone, or after ten minutes (watch again).
   */
  'queue:watch': invoke(z.strictObject({ watchId: queueJobIdSchema }), z.strictObject({})),
  /** The video of a completed job, from the storage folder the user chose (the web host plays it or offers it as a download). */
  'queue:read-output': invoke(
    z.strictObject({ jobId: queueJobIdSchema }),
    z.strictObject({ fileName: z.string(), path: fsPathSchema, data: arrayBufferSchema }),
  ),
  /**
   * The face in one frame of the webcam's live preview (the capture panel shows its landmarks over
   * the picture): the largest face's 478 points in the frame's pixels, or null when none is found.
   * A preview frame, not a take: at most MAX_CAPTURE_FRAME_SIDE_PX a side.
   */
  'capture:detect-face': invoke(
    z
      .strictObject({
        widthPx: z.number().int().min(16).max(MAX_CAPTURE_FRAME_SIDE_PX),
        heightPx: z.number().int().min(16).max(MAX_CAPTURE_FRAME_SIDE_PX),
        /** widthPx x heightPx x 4 bytes, RGBA rows top to bottom (ImageData layout). */
        rgba: uint8ArraySchema,
      })
      .refine((r) => r.rgba.byteLength === r.widthPx * r.heightPx * 4, 'rgba must hold widthPx x heightPx x 4 bytes'),
    z.strictObject({ landmarksPx: float32ArraySchema.nullable() }),
  ),
  'dialog:open-project': invoke(z.strictObject({}), z.strictObject({ path: fsPathSchema.nullable() })),
  'dialog:save-video': invoke(z.strictObject({ suggestedName: z.string().max(200) }), z.strictObject({ path: fsPathSchema.nullable() })),
  'dialog:save-project': invoke(
    z.strictObject({ suggestedName: z.string().max(200) }),
    z.strictObject({ path: fsPathSchema.nullable() }),
  ),
  /** An existing folder chosen in a native dialog (the farm's storage); granted for queue:set-settings. */
  'dialog:pick-folder': invoke(z.strictObject({ purpose: z.enum(['farm-storage']) }), z.strictObject({ path: fsPathSchema.nullable() })),
  'dialog:pick-media': invoke(
    z.strictObject({ role: z.enum(ASSET_ROLES) }),
    z.strictObject({ path: fsPathSchema.nullable() }),
  ),
} as const;

export const pushChannels = {
  /** The user chose Save when closing a window with unsaved changes (Electron): save, then app:close-window. */
  'app:did-ask-save': z.strictObject({}),
  /** The render queue as it is now, for the queue:watch of `watchId`. */
  'queue:did-change': z.strictObject({ watchId: z.string(), jobs: z.array(farmJobViewSchema), workers: z.array(farmWorkerViewSchema) }),
  /** Progress of a long job (import, generation, export). `fraction` in 0..1. */
  'jobs:did-progress': z.strictObject({
    jobId: z.string(),
    fraction: z.number().min(0).max(1),
    message: z.string(),
    /** While frames are rendered: how many of how many (the percentage shown is theirs). */
    frames: z.strictObject({ done: z.number().int().nonnegative(), total: z.number().int().positive() }).optional(),
  }),
} as const;

export type InvokeChannel = keyof typeof invokeChannels;
export type PushChannel = keyof typeof pushChannels;
export type RequestOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['request']>;
export type ParsedRequestOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['request']>;
export type ResponseOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['response']>;
export type PushOf<C extends PushChannel> = z.output<(typeof pushChannels)[C]>;

/** One preview frame as the services send it (RGBA rows top to bottom), the one type both sides use. */
export type PreviewFrame = ResponseOf<typeof CHANNEL.previewRenderFrame>;

/** 'discard-recovery' -> 'discardRecovery' (also the StudioApi's method names). */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;
/** 'project:discard-recovery' -> 'projectDiscardRecovery'. */
type ConstantName<C extends string> = C extends `${infer D}:${infer V}` ? `${D}${Capitalize<CamelCase<V>>}` : never;
/** Exactly one constant per channel, named after it, whose value is that channel's name. */
type ChannelConstants<C extends string> = { readonly [K in C as ConstantName<K>]: K };

/** Every invoke channel's name. A missing, extra or misspelt entry is a compile error. */
export const CHANNEL = {
  appInfo: 'app:info',
  appSetDirty: 'app:set-dirty',
  appCloseWindow: 'app:close-window',
  projectNew: 'project:new',
  projectOpen: 'project:open',
  projectSave: 'project:save',
  projectAutosave: 'project:autosave',
  projectDiscardRecovery: 'project:discard-recovery',
  projectRecent: 'project:recent',
  projectListUntitled: 'project:list-untitled',
  projectOpenUntitled: 'project:open-untitled',
  projectDiscardUntitled: 'project:discard-untitled',
  filesList: 'files:list',
  filesMakeFolder: 'files:make-folder',
  settingsGet: 'settings:get',
  settingsUpdate: 'settings:update',
  assetsImport: 'assets:import',
  assetsRead: 'assets:read',
  audioPeaks: 'audio:peaks',
  trackGenerate: 'track:generate',
  faceMesh: 'face:mesh',
  exportVideo: 'export:video',
  jobsCancel: 'jobs:cancel',
  shellReveal: 'shell:reveal',
  previewSetDocument: 'preview:set-document',
  previewRenderFrame: 'preview:render-frame',
  queueSettings: 'queue:settings',
  queueSetSettings: 'queue:set-settings',
  queueSubmit: 'queue:submit',
  queueList: 'queue:list',
  queueCancel: 'queue:cancel',
  queueRetry: 'queue:retry',
  queueWatch: 'queue:watch',
  queueReadOutput: 'queue:read-output',
  captureDetectFace: 'capture:detect-face',
  dialogOpenProject: 'dialog:open-project',
  dialogSaveVideo: 'dialog:save-video',
  dialogSaveProject: 'dialog:save-project',
  dialogPickFolder: 'dialog:pick-folder',
  dialogPickMedia: 'dialog:pick-media',
} as const satisfies ChannelConstants<InvokeChannel>;

/** Every push channel's name; checked like CHANNEL. */
export const PUSH_CHANNEL = {
  appDidAskSave: 'app:did-ask-save',
  jobsDidProgress: 'jobs:did-progress',
  queueDidChange: 'queue:did-change',
} as const satisfies ChannelConstants<PushChannel>;

export const INVOKE_CHANNELS = Object.keys(invokeChannels) as InvokeChannel[];
export const PUSH_CHANNELS = Object.keys(pushChannels) as PushChannel[];

export function isInvokeChannel(name: unknown): name is InvokeChannel {
  return typeof name === 'string' && Object.hasOwn(invokeChannels, name);
}

export function isPushChannel(name: unknown): name is PushChannel {
  return typeof name === 'string' && Object.hasOwn(pushChannels, name);
}
