import { useRef } from 'react';
import { useAssetUrl } from '../hooks/use-asset-url';
import { assetInUse } from '../state/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { Icon } from './Icon';
import { Panel } from './Panel';

/** The reference photo, fit to the panel. Later it shows the generated frame at the playhead. */
export function PreviewPanel() {
  const { studio, actions } = useStudio();
  const photo = useStudioSelector((s) => (s.document === null ? null : assetInUse(s.document, 'photo')));
  const workDir = useStudioSelector((s) => s.session.workDir);
  const hasProject = useStudioSelector((s) => s.document !== null);
  const image = useAssetUrl(studio, workDir, photo?.relPath ?? null);
  const input = useRef<HTMLInputElement>(null);
  const info = photo !== null && photo.media.kind === 'image' ? `${photo.media.widthPx} × ${photo.media.heightPx} px` : undefined;

  return (
    <Panel title="Preview" info={info} testId="preview-panel">
      <div className="preview-stage">
        {image.state === 'ready' && <img className="preview-image" data-testid="preview-image" src={image.url} alt={`Portrait photo ${photo?.originalName ?? ''}`} draggable={false} />}
        {image.state === 'loading' && <div className="empty-state">Loading photo…</div>}
        {image.state === 'error' && (
          <div className="empty-state inline-error" role="alert">
            The photo could not be shown: {image.message}
          </div>
        )}
        {image.state === 'idle' && (
          <div className="empty-state">
            <Icon name="photo" sizePx={40} />
            <div>No portrait photo yet</div>
            <button type="button" className="tool-button" disabled={!hasProject} onClick={() => input.current?.click()}>
              Import photo…
            </button>
            <div className="empty-hint">A front-facing portrait works best. You can drop an image anywhere on the window.</div>
            <input ref={input} className="visually-hidden" type="file" accept="image/*" tabIndex={-1} onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file !== undefined) void actions.importFile(file, 'photo');
            }} />
          </div>
        )}
      </div>
    </Panel>
  );
}
