import { createContext, useContext } from 'react';
import type { StudioApi } from '../../src-shared/ipc/studio-api';
import type { EditActions } from './edit-actions';
import type { ExportActions } from './export-actions';
import type { GenerationActions } from './generation-actions';
import type { PlaybackController } from './playback-controller';
import type { Notifier } from './notifier';
import type { ProjectFiles } from './project-files';
import type { StudioState } from './studio-state';
import type { StudioStore } from './studio-store';
import type { StudioSettingsActions } from './studio-settings';
import { useStudioState } from './studio-store';
import type { ViewActions } from './view-actions';

export interface StudioServices {
  readonly studio: StudioApi;
  readonly store: StudioStore;
  /** New, open, save, import, autosave and recovery. */
  readonly files: ProjectFiles;
  /** The studio's own settings: recent folders, export targets, panel sizes. */
  readonly settings: StudioSettingsActions;
  /** The one entry point for document edits (undoable), selection and clipboard. */
  readonly edits: EditActions;
  /** Status line, toasts, busy indicator. */
  readonly notifier: Notifier;
  /** Dialogs, overlays and timeline zoom. */
  readonly view: ViewActions;
  readonly generation: GenerationActions;
  readonly playback: PlaybackController;
  readonly exporter: ExportActions;
  /** The web host's socket address (null in Electron): the preview's worker opens its own connection. */
  readonly webSocketUrl: string | null;
}

export const StudioContext = createContext<StudioServices | null>(null);

export function useStudio(): StudioServices {
  const services = useContext(StudioContext);
  if (services === null) throw new Error('useStudio() outside <StudioContext>');
  return services;
}

/** One slice of the studio state; see useStudioState for the selector's stability rule. */
export function useStudioSelector<T>(selector: (state: StudioState) => T): T {
  return useStudioState(useStudio().store, selector);
}
