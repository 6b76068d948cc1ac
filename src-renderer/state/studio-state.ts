import type { AppInfo, OpenedProject, StudioSettings, UntitledRecovery } from '../../src-shared/ipc/contract';
import type { RecentProject } from './recent-project';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import type { ConnectionStatus } from '../services/connection-status';
import type { ExportJobState } from './export-state';
import type { GeneratedTrack, GenerationJob } from './generation-state';
import { isDirty as documentIsDirty } from '../../src-shared/edits/edit-state';
import type { HistoryState } from '../../src-shared/edits/history';
import { EMPTY_HISTORY } from '../../src-shared/edits/history';
import type { KeyClipboard } from '../../src-shared/edits/key-clipboard';
import type { SelectionState } from '../../src-shared/edits/selection';
import type { KeyChannelId } from '../../src-shared/keyframes/shape-channels';
import { EMPTY_SELECTION } from '../../src-shared/edits/selection';
import type { SculptState } from './sculpt-state';
import { INITIAL_SCULPT } from './sculpt-state';

/**
 * The studio's state in the three parts docs/architecture.md §8 names. Only `document` is undoable (its history
 * lives in `ephemeral.history`); `session` belongs to the open project but is never undone;
 * `ephemeral` dies with the page.
 */
export interface StudioState {
  /** The open project's document, or null before the first project exists. */
  readonly document: ProjectDocument | null;
  readonly session: SessionState;
  readonly ephemeral: EphemeralState;
}

export interface SessionState {
  /** Working folder of the open project: the handle every service call on it uses. */
  readonly workDir: string | null;
  /** Where the project is saved, or null while it is untitled. */
  readonly savedPath: string | null;
  /**
   * The document as last saved (or opened). The project is dirty when the current document is a
   * different object: edits always make new objects, and an undo back to it reads as clean.
   */
  readonly savedDocument: ProjectDocument | null;
  /** The document as last autosaved, so an unchanged dirty document is not written again. */
  readonly autosavedDocument: ProjectDocument | null;
  /** When the last autosave was written (ISO 8601), or null: "Unsaved changes (autosaved 19:35)". */
  readonly autosavedAt: string | null;
  /** Timeline cursor, seconds from the start of the audio; >= 0. */
  readonly playheadTimeSec: number;
  /** Timeline magnification: 1 fits the whole audio in the lane width, up to MAX_TIMELINE_ZOOM. */
  readonly timelineZoom: number;
}

export type ToastTone = 'info' | 'error';

export interface Toast {
  readonly id: number;
  readonly tone: ToastTone;
  readonly text: string;
  /** How many times the same message came while it was shown (deduplicated: one toast, "×3"). */
  readonly count: number;
}

/** What New or Open asked for before the unsaved-changes question: done after Save or Don't save. */
export type Continuation = 'new' | 'open';

/** Modal dialogs; one at a time. */
export type DialogState =
  | { readonly kind: 'open-path'; readonly recent: readonly RecentProject[]; readonly untitled: readonly UntitledRecovery[] }
  | { readonly kind: 'save-path'; readonly initialPath: string; readonly then: Continuation | null; readonly missingFolder: string | null }
  | { readonly kind: 'confirm-discard'; readonly next: Continuation }
  | { readonly kind: 'recover-untitled'; readonly entries: readonly UntitledRecovery[] }
  | { readonly kind: 'shortcuts' }
  | { readonly kind: 'export'; readonly initialPath: string };

export interface EphemeralState {
  readonly appInfo: AppInfo | null;
  readonly connection: ConnectionStatus;
  /** Last status-bar line. */
  readonly status: { readonly tone: ToastTone; readonly text: string };
  /** The last error, kept readable in the status bar after later messages until dismissed. */
  readonly lastError: { readonly text: string; readonly atIso: string } | null;
  /** The studio's own settings (recent folders, export targets, panel sizes), once loaded. */
  readonly settings: StudioSettings | null;
  readonly toasts: readonly Toast[];
  readonly dialog: DialogState | null;
  /** An autosave newer than the opened file, waiting for the user's Restore/Discard. */
  readonly recovery: OpenedProject['recovery'];
  /** What a long call is doing right now (shown in the status bar), or null when idle. */
  readonly busy: string | null;
  /** Undo/redo stacks and the drag in progress. */
  readonly history: HistoryState;
  /** The last track the Audio2Lmk engine generated for this project (not saved: it is rebuilt). */
  readonly generated: GeneratedTrack | null;
  /** Track generation: running (with progress), failed, or idle. */
  readonly generation: GenerationJob;
  readonly selection: SelectionState;
  readonly clipboard: KeyClipboard | null;
  /** True while playback (forward with sound, or backwards silently) drives the playhead. */
  readonly playing: boolean;
  /**
   * Speed and direction of playback (J/K/L shuttle): 1 is real time, 2, 4 and 8 faster, negative
   * plays backwards. 1 when stopped.
   */
  readonly playbackRate: number;
  readonly exportJob: ExportJobState;
  /** Draw the projected 2D landmarks over the preview frame. */
  readonly showLandmarks: boolean;
  /** Heights of the keyframe lanes the user resized (others are DEFAULT_LANE_HEIGHT_PX). */
  readonly laneHeightsPx: Partial<Readonly<Record<KeyChannelId, number>>>;
  /** The channels the graph editor shows, or null while the timeline shows the lanes. */
  readonly graphChannels: readonly KeyChannelId[] | null;
  /** The key context menu, open at a client position, or null. */
  readonly keyMenu: { readonly xPx: number; readonly yPx: number } | null;
  /** Scrubbing plays a short slice of the audio under the playhead. */
  readonly audioScrub: boolean;
  /** Audio slices played by scrubbing so far (the e2e reads it: a page cannot listen). */
  readonly scrubSlices: number;
  /** What the 3D viewport draws of the landmark track. */
  readonly viewportDisplay: ViewportDisplay;
  /** The viewport's sculpt mode: picked landmarks, the shape strokes go to, mirror and falloff. */
  readonly sculpt: SculptState;
}

export interface ViewportDisplay {
  /** The shaded face surface from the mesh triangles (lips in AniPortrait's pose-image colours). */
  readonly surface: boolean;
  readonly points: boolean;
  /** AniPortrait's coloured contour lines. */
  readonly contours: boolean;
  /** Onion skin: ghosted contours of this many frames before (red) and after (green) the playhead; 0 is off. */
  readonly onionFrames: number;
  /** Frames between ghosts. */
  readonly onionStep: number;
  /**
   * What the ghosts are of: frames `onionStep` apart, or the keys before and after the playhead
   * (of the selected keys' channels, or of any channel of the active layer).
   */
  readonly onionBy: 'frames' | 'keys-selected' | 'keys-any';
}

/** Readable at 1280x720 and 1920x1080 (12 px labels and values); the timeline scrolls when its lanes do not fit. */
export const DEFAULT_LANE_HEIGHT_PX = 26;
export const MIN_LANE_HEIGHT_PX = 14;
export const MAX_LANE_HEIGHT_PX = 200;

export const MAX_TIMELINE_ZOOM = 40;

export const INITIAL_STATE: StudioState = {
  document: null,
  session: { workDir: null, savedPath: null, savedDocument: null, autosavedDocument: null, autosavedAt: null, playheadTimeSec: 0, timelineZoom: 1 },
  ephemeral: {
    appInfo: null,
    connection: { state: 'connecting', detail: '' },
    status: { tone: 'info', text: 'Starting…' },
    lastError: null,
    settings: null,
    toasts: [],
    dialog: null,
    recovery: null,
    busy: null,
    history: EMPTY_HISTORY,
    generated: null,
    generation: { status: 'idle' },
    selection: EMPTY_SELECTION,
    clipboard: null,
    playing: false,
    playbackRate: 1,
    exportJob: { status: 'idle' },
    showLandmarks: false,
    laneHeightsPx: {},
    graphChannels: null,
    keyMenu: null,
    audioScrub: true,
    scrubSlices: 0,
    viewportDisplay: { surface: true, points: false, contours: true, onionFrames: 0, onionStep: 2, onionBy: 'frames' },
    sculpt: INITIAL_SCULPT,
  },
};

/**
 * The one wording of whether the project is saved, which the title bar and the status bar both
 * show: "Unsaved changes (autosaved 19:35)", "Unsaved changes", "Not saved yet" or "Saved".
 */
export function saveStateText(state: StudioState, formatTime: (iso: string) => string): string {
  if (state.document === null) return '';
  if (isDirty(state)) return state.session.autosavedAt === null ? 'Unsaved changes' : `Unsaved changes (autosaved ${formatTime(state.session.autosavedAt)})`;
  return state.session.savedPath === null ? 'Not saved yet' : 'Saved';
}

/** Unsaved changes (see src-shared/edits/edit-state): undoing back to the saved document is clean. */
export function isDirty(state: StudioState): boolean {
  return documentIsDirty(state.document, state.session.savedDocument);
}
