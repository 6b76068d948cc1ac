import { useRef } from 'react';
import { useAssetUrl } from '../hooks/use-asset-url';
import { assetInUse } from '../../src-shared/project/derived';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { Icon } from './Icon';
import { Panel } from './Panel';
import { PreviewFrameCanvas } from './PreviewFrameCanvas';

/** The video frame at the playhead once a track is generated; before that, the reference photo. */
export function PreviewPanel() {
  const { studio, files, view } = useStudio();
  const photo = useStudioSelector((s) => (s.document === null ? null : assetInUse(s.document, 'photo')));
  const hasAudio = useStudioSelector((s) => s.document !== null && assetInUse(s.document, 'audio') !== null);
  const workDir = useStudioSelector((s) => s.session.workDir);
  const hasProject = useStudioSelector((s) => s.document !== null);
  const generated = useStudioSelector((s) => s.ephemeral.generated);
  const showLandmarks = useStudioSelector((s) => s.ephemeral.showLandmarks);
  const outputSize = useStudioSelector((s) => (s.document === null ? '' : `${s.document.settings.outputWidthPx} × ${s.document.settings.outputHeightPx} px`));
  const showFrames = generated !== null && photo !== null && hasAudio;
  const image = useAssetUrl(studio, showFrames ? null : workDir, photo?.relPath ?? null);
  const input = useRef<HTMLInputElement>(null);
  const photoInfo = photo !== null && photo.media.kind === 'image' ? `photo ${photo.media.widthPx} × ${photo.media.heightPx} px` : undefined;

  return (
    <Panel title="Preview" info={showFrames ? `video ${outputSize}` : photoInfo} testId="preview-panel">
      <div className="preview-stage">
        {showFrames && <PreviewFrameCanvas generated={generated} />}
        {!showFrames && image.state === 'ready' && <img className="preview-image" data-testid="preview-image" src={image.url} alt={`Portrait photo ${photo?.originalName ?? ''}`} draggable={false} />}
        {!showFrames && image.state === 'loading' && <div className="empty-state">Loading photo…</div>}
        {!showFrames && image.state === 'error' && (
          <div className="empty-state inline-error" role="alert">
            The photo could not be shown: {image.message}
          </div>
        )}
        {!showFrames && photo === null && (
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
              if (file !== undefined) void files.importFile(file, 'photo');
            }} />
          </div>
        )}
      </div>
      {showFrames && (
        <div className="viewport-overlay top-right">
          <button
            type="button"
            className="tool-button"
            data-testid="toggle-landmarks"
            aria-pressed={showLandmarks}
            data-tooltip="Draw the frame's 2D landmarks over the preview, in AniPortrait's pose-image colours"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => view.toggleLandmarks()}
          >
            <Icon name="landmarks" sizePx={14} />
            <span>Landmarks</span>
          </button>
        </div>
      )}
    </Panel>
  );
}
