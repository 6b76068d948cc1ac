import { useEffect, useMemo, useState } from 'react';
import type { UntitledRecovery } from '../../src-shared/ipc/contract';
import { useStudio } from '../state/studio-context';
import { formatLocalTime } from '../util/format';

/** Untitled projects with an autosave, each with its photo, name and time, and Recover / Discard. */
export function UntitledList({ entries }: { readonly entries: readonly UntitledRecovery[] }) {
  const { files } = useStudio();
  // The list as the dialog opened with it, then as the services answer after a Discard.
  const [shown, setShown] = useState(entries);
  return (
    <ul className="untitled-list" data-testid="untitled-list">
      {shown.map((entry) => (
        <li key={entry.workDir} className="untitled-item" data-testid="untitled-item">
          <Thumbnail entry={entry} />
          <span className="untitled-text">
            <span className="recent-item-name">{entry.name}</span>
            <span className="recent-item-time">autosaved {formatLocalTime(entry.savedAt)}</span>
          </span>
          <button type="button" className="button primary" data-testid="untitled-recover" onClick={() => void files.recoverUntitled(entry.workDir)}>
            Recover
          </button>
          <button type="button" className="button" data-testid="untitled-discard" title="Delete this autosave and its imported files" onClick={() => void files.discardUntitled(entry.workDir).then(setShown)}>
            Discard
          </button>
        </li>
      ))}
    </ul>
  );
}

function Thumbnail({ entry }: { readonly entry: UntitledRecovery }) {
  const url = useMemo(() => (entry.thumbnail === null ? null : URL.createObjectURL(new Blob([entry.thumbnail.data], { type: entry.thumbnail.mimeType }))), [entry]);
  useEffect(() => () => {
    if (url !== null) URL.revokeObjectURL(url);
  }, [url]);
  return url === null ? <span className="untitled-thumb untitled-thumb-empty" aria-hidden="true" /> : <img className="untitled-thumb" data-testid="untitled-thumb" src={url} alt={`Photo of ${entry.name}`} />;
}
