import { useState } from 'react';
import type { RecentProject } from '../state/recent-project';
import { formatLocalTime } from '../util/format';
import { Modal } from './Modal';

const EXTENSION = '.aniproj';

interface PathDialogProps {
  readonly mode: 'open' | 'save';
  readonly initialPath: string;
  readonly recent: readonly RecentProject[];
  readonly onConfirm: (path: string) => void;
  readonly onCancel: () => void;
}

/**
 * Where the host has no native file dialog (the web host), the user types the project path on
 * the machine that runs the services, or picks a recent project.
 */
export function PathDialog({ mode, initialPath, recent, onConfirm, onCancel }: PathDialogProps) {
  const [path, setPath] = useState(initialPath);
  const trimmed = path.trim();
  const confirm = () => {
    if (trimmed === '') return;
    // Projects are `*.aniproj` folders; saving "foo" means "foo.aniproj".
    onConfirm(mode === 'save' && !trimmed.endsWith(EXTENSION) ? `${trimmed}${EXTENSION}` : trimmed);
  };

  return (
    <Modal
      title={mode === 'open' ? 'Open project' : 'Save project as'}
      testId="path-dialog"
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button" data-testid="path-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" data-testid="path-confirm" disabled={trimmed === ''} onClick={confirm}>
            {mode === 'open' ? 'Open' : 'Save'}
          </button>
        </>
      }
    >
      <p>
        {mode === 'open'
          ? 'Path of the .aniproj project on the computer that runs the studio service.'
          : 'Where to save the project (a folder ending in .aniproj) on the computer that runs the studio service.'}
      </p>
      <input
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
      {mode === 'open' && recent.length > 0 && (
        <>
          <div className="recent-list-title">Recent projects</div>
          <ul className="recent-list">
            {recent.map((entry) => (
              <li key={entry.path}>
                <button type="button" className="recent-item" data-testid="recent-item" title={entry.path} onClick={() => setPath(entry.path)} onDoubleClick={() => onConfirm(entry.path)}>
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
