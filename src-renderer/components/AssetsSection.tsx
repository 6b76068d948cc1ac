import type { AssetRef, ProjectDocument } from '../../src-shared/project/project-schema';
import { assertNever } from '../../src-shared/util/assert-never';
import { assetInUse, audioDurationSec } from '../../src-shared/project/derived';
import { formatBytes } from '../util/format';

/** Read-only summary of the photo, the audio and the head-motion template or video in use. */
export function AssetsSection({ document }: { readonly document: ProjectDocument }) {
  const { poseSource } = document;
  const motion = poseSource.kind === 'audio' ? null : (document.assets.find((a) => a.relPath === poseSource.relPath) ?? null);
  return (
    <section className="inspector-section">
      <h3 className="inspector-section-title">Assets</h3>
      <AssetRow label="Photo" asset={assetInUse(document, 'photo')} testId="asset-photo" />
      <AssetRow label="Audio" asset={assetInUse(document, 'audio')} testId="asset-audio" />
      <AssetRow label={poseSource.kind === 'performance' ? 'Performance' : 'Head motion'} asset={motion} testId="asset-head-motion" none="from the voice" />
    </section>
  );
}

function AssetRow({ label, asset, testId, none = 'none' }: { readonly label: string; readonly asset: AssetRef | null; readonly testId: string; readonly none?: string }) {
  return (
    <div className="asset-row" data-testid={testId}>
      <span className="field-label">{label}</span>
      {asset === null ? (
        <span className="asset-meta">{none}</span>
      ) : (
        <span>
          <div className="asset-name" title={asset.originalName}>{asset.originalName}</div>
          <div className="asset-meta">{describeMedia(asset)}</div>
        </span>
      )}
    </div>
  );
}

function describeMedia(asset: AssetRef): string {
  const { media } = asset;
  switch (media.kind) {
    case 'image':
      return `${media.widthPx}×${media.heightPx} · ${media.codec} · ${formatBytes(asset.byteLength)}`;
    case 'audio':
      return `${audioDurationSec(media.analysisSampleCount).toFixed(2)} s · ${media.sampleRateHz} Hz · ${media.codec}`;
    case 'pose-template':
      return `${media.frameCount} poses · ${(media.frameCount / 30).toFixed(1)} s at 30 fps`;
    case 'video':
      return `${media.widthPx}×${media.heightPx} · ${media.durationSec.toFixed(2)} s`;
    default:
      return assertNever(media, 'media kind');
  }
}

