import { useCallback, useState } from 'react';
import type { UntitledRecovery } from '../../src-shared/ipc/contract';
import type { RecentProject } from '../state/recent-project';
import { formatLocalTime } from '../util/format';
import { joinPath, splitPath } from '../util/path-join';
import { FileBrowser } from './FileBrowser';
import { Modal } from './Modal';
import { UntitledList } from './UntitledList';

const EXTENSION = '.aniproj';

interface PathDialogProps {
  readonly mode: 'open' | 'save';
  readonly initialPath: string;
  readonly recent: readonly RecentProject[];
  /** Open only: untitled projects with an autosave, offered back. */
  readonly untitled: readonly UntitledRecovery[];
  /** Save only: the services said the folder does not exist; Save again creates it. */
  readonly missingFolder: string | null;
  readonly onConfirm: (path: string, createFolders: boolean) => void;
  readonly onCancel: () => void;
}

/**
 * Where the host has no native file dialog (the web host): a file browser of the computer that
 * runs the services (limited to the home and data folders), a typed path (accepted anywhere the
 * services may write), recent projects and recoverable untitled work.
 */
export function PathDialog({ mode, initialPath, recent, untitled, missingFolder, onConfirm, onCancel }: PathDialogProps) {
  const [path, setPath] = useState(initialPath);
  const trimmed = path.trim();
  const target = mode === 'save' && trimmed !== '' && !trimmed.endsWith(EXTENSION) ? `${trimmed}${EXTENSION}` : trimmed;
  // The path the services said has no folder: Save then means "create it".
  const creating = missingFolder !== null && target === initialPath;
  const confirm = () => {
    if (trimmed !== '') onConfirm(target, creating);
  };
  // Entering a folder keeps the file name in a save dialog, and replaces the path in an open one.
  const onFolder = useCallback((folder: string) => setPath((current) => (mode === 'save' ? joinPath(folder, splitPath(current.trim()).name || `Untitled${EXTENSION}`) : folder)), [mode]);
  const startFolder = mode === 'save' || initialPath.endsWith(EXTENSION) ? splitPath(initialPath).folder : initialPath;

  return (
    <Modal
      title={mode === 'open' ? 'Open project' : 'Save project as'}
      testId="path-dialog"
      onCancel={onCancel}
      wide
      footer={
        <>
          <button type="button" className="button" data-testid="path-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" data-testid="path-confirm" disabled={trimmed === ''} onClick={confirm}>
            {mode === 'open' ? 'Open' : creating ? 'Create folder and save' : 'Save'}
          </button>
        </>
      }
    >
      <FileBrowser initialFolder={startFolder === '' ? null : startFolder} extensions={[]} onFolder={onFolder} onPick={(picked, now) => (now ? onConfirm(picked, false) : setPath(picked))} />
      <label className="path-label" htmlFor="path-input">
        {mode === 'open' ? 'Project (.aniproj folder), or type its path' : 'Save as (a folder ending in .aniproj), or type a path'}
      </label>
      <input
        id="path-input"
        className="modal-input"
        data-testid="path-input"
        aria-label="Project path"
        value={path}
        spellCheck={false}
        autoFocus
        onFocus={(event) => event.target.select()}
        onChange={(event) => setPath(event.target.value)}
        onKeyDown={(event) => event.key === 'Enter' && confirm()}
      />
      {creating && (
        <p className="field-hint" role="alert" data-testid="path-missing-folder">
          {missingFolder} Save again to create it.
        </p>
      )}
      {mode === 'open' && untitled.length > 0 && (
        <>
          <div className="recent-list-title">Unsaved untitled projects</div>
          <UntitledList entries={untitled} />
        </>
      )}
      {mode === 'open' && recent.length > 0 && (
        <>
          <div className="recent-list-title">Recent projects</div>
          <ul className="recent-list">
            {recent.map((entry) => (
              <li key={entry.path}>
                <button type="button" className="recent-item" data-testid="recent-item" title={entry.path} onClick={() => setPath(entry.path)} onDoubleClick={() => onConfirm(entry.path, false)}>
                  <span className="recent-item-name">{entry.name}</span>
                  <span className="recent-item-time">{formatLocalTime(entry.openedAt)}</span>
                  <span className="recent-item-path">{entry.path}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}
