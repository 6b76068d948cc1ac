import { useState } from 'react';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { FileBrowser } from './FileBrowser';

/**
 * The farm storage folder of the render-queue settings, chosen, not typed: the studio writes its
 * inputs, bundles and videos there. Electron: the native folder dialog (dialog:pick-folder, which
 * grants it); the web host: its file browser in folder mode, "Use this folder". The services check
 * the choice again (queue:set-settings).
 */
export function StorageFolderField({ value, onChange }: { readonly value: string; readonly onChange: (folder: string) => void }) {
  const { studio } = useStudio();
  const host = useStudioSelector((s) => s.ephemeral.appInfo?.host ?? null);
  const [browsing, setBrowsing] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async () => {
    if (host !== 'electron') {
      setBrowsing(!browsing);
      return;
    }
    const picked = await studio.dialog.pickFolder({ purpose: 'farm-storage' });
    if (!picked.ok) setError(picked.error.message);
    else if (picked.value.path !== null) onChange(picked.value.path);
  };

  return (
    <div className="field storage-folder">
      <span className="field-label">Storage</span>
      <div className="field-control storage-folder-row">
        <code className="storage-folder-path" data-testid="queue-storage" title="A folder every worker machine mounts; videos land in its outputs/ folder">
          {value}
        </code>
        <button type="button" className="button" data-testid="queue-storage-choose" onClick={() => void choose()}>
          Choose folder…
        </button>
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {browsing && (
        <div className="storage-folder-browser" data-testid="queue-storage-browser">
          <FileBrowser initialFolder={value} extensions={[]} onFolder={setShown} onPick={() => {}} />
          <button
            type="button"
            className="button primary"
            data-testid="queue-storage-use"
            disabled={shown === null}
            onClick={() => {
              if (shown === null) return;
              onChange(shown);
              setBrowsing(false);
            }}
          >
            Use this folder
          </button>
        </div>
      )}
    </div>
  );
}
