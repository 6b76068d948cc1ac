import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderListing } from '../../src-shared/ipc/contract';
import { useStudio, useStudioSelector } from '../state/studio-context';

interface FileBrowserProps {
  /** Folder to show first (null: the first root); an unreadable one falls back to the first root. */
  readonly initialFolder: string | null;
  /** File extensions listed besides folders and projects, e.g. ['.mp4']. */
  readonly extensions: readonly string[];
  /** The user entered a folder (save dialogs put the file name in it); not called for the first folder shown. */
  readonly onFolder: (folder: string) => void;
  /** A project or file was clicked (double-click: `confirm`). */
  readonly onPick: (path: string, confirm: boolean) => void;
}

type Load = { readonly state: 'loading' } | { readonly state: 'ready'; readonly listing: FolderListing } | { readonly state: 'failed'; readonly message: string };

/**
 * The web host's file browser (files:list, files:make-folder): roots and recent folders,
 * breadcrumbs, the folder's sub-folders, projects and matching files, and New folder. It shows only
 * what the services allow (the home and data folders); a typed path beside it is still accepted.
 */
export function FileBrowser({ initialFolder, extensions, onFolder, onPick }: FileBrowserProps) {
  const { studio } = useStudio();
  const recentFolders = useStudioSelector((s) => s.ephemeral.settings?.recentFolders ?? null);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [newFolder, setNewFolder] = useState<string | null>(null);
  const [folderError, setFolderError] = useState<string | null>(null);
  const extensionKey = extensions.join(',');
  // The latest handler, so a parent's inline function does not make the folder load again.
  const folderHandler = useRef(onFolder);
  useEffect(() => {
    folderHandler.current = onFolder;
  }, [onFolder]);

  const show = useCallback(
    async (folder: string | null, initial: boolean) => {
      const list = (path: string | null) => studio.files.list({ path, extensions: extensionKey === '' ? [] : extensionKey.split(',') });
      let result = await list(folder);
      // A first folder that is gone or outside the roots: start at the first root instead.
      if (!result.ok && initial && folder !== null) result = await list(null);
      if (result.ok) {
        setLoad({ state: 'ready', listing: result.value });
        if (!initial) folderHandler.current(result.value.path);
      } else setLoad({ state: 'failed', message: result.error.message });
    },
    [studio, extensionKey],
  );

  // Only on open (later folders come from clicks); the listing arrives from the services, after the effect.
  const first = useRef(initialFolder);
  useEffect(() => {
    void Promise.resolve(first.current).then((folder) => show(folder, true));
  }, [show]);

  const makeFolder = async (parent: string) => {
    if (newFolder === null || newFolder.trim() === '') return;
    const made = await studio.files.makeFolder({ parent, name: newFolder });
    if (!made.ok) {
      setFolderError(made.error.message);
      return;
    }
    setNewFolder(null);
    setFolderError(null);
    await show(made.value.path, false);
  };

  if (load.state === 'loading') return <div className="file-browser" data-testid="file-browser" data-state="loading" />;
  if (load.state === 'failed') {
    return (
      <div className="file-browser" data-testid="file-browser" data-state="failed">
        <p className="inline-error" role="alert">
          {load.message}
        </p>
      </div>
    );
  }
  const { listing } = load;
  const places = [...listing.roots, ...(recentFolders ?? []).filter((f) => !listing.roots.some((r) => r.path === f)).map((path) => ({ name: path, path }))];
  return (
    <div className="file-browser" data-testid="file-browser" data-state="ready" data-folder={listing.path}>
      <div className="file-places" aria-label="Places">
        {places.map((place, i) => (
          <button key={place.path} type="button" className="file-place" data-testid={i < listing.roots.length ? 'file-root' : 'file-recent-folder'} title={place.path} onClick={() => void show(place.path, false)}>
            {place.name}
          </button>
        ))}
      </div>
      <nav className="file-crumbs" aria-label="Folder">
        {listing.breadcrumbs.map((crumb, i) => (
          <span key={crumb.path}>
            {i > 0 && <span className="file-crumb-sep">/</span>}
            <button type="button" className="file-crumb" data-testid="file-crumb" title={crumb.path} onClick={() => void show(crumb.path, false)}>
              {crumb.name}
            </button>
          </span>
        ))}
        <button type="button" className="button file-new-folder" data-testid="file-new-folder" onClick={() => setNewFolder(newFolder === null ? 'New folder' : null)}>
          New folder
        </button>
      </nav>
      {newFolder !== null && (
        <div className="file-new-folder-row">
          <input
            aria-label="New folder name"
            data-testid="file-new-folder-name"
            value={newFolder}
            autoFocus
            onFocus={(event) => event.target.select()}
            onChange={(event) => setNewFolder(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void makeFolder(listing.path);
              // Escape closes this row, not the dialog.
              if (event.key === 'Escape') {
                event.stopPropagation();
                setNewFolder(null);
              }
            }}
          />
          <button type="button" className="button" data-testid="file-new-folder-create" onClick={() => void makeFolder(listing.path)}>
            Create
          </button>
          {folderError !== null && (
            <span className="inline-error" role="alert">
              {folderError}
            </span>
          )}
        </div>
      )}
      <ul className="file-list" data-testid="file-list">
        {listing.entries.length === 0 && <li className="file-empty">Empty folder</li>}
        {listing.entries.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              className="file-entry"
              data-testid="file-entry"
              data-kind={entry.kind}
              title={entry.path}
              onClick={() => (entry.kind === 'folder' ? void show(entry.path, false) : onPick(entry.path, false))}
              onDoubleClick={() => entry.kind !== 'folder' && onPick(entry.path, true)}
            >
              <span className="file-entry-icon" aria-hidden="true">
                {entry.kind === 'folder' ? '▸' : entry.kind === 'project' ? '◆' : '·'}
              </span>
              {entry.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
