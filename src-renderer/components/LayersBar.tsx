import { useState } from 'react';
import { addLayer, deleteLayer, moveLayer, renameLayer, setActiveLayer, setLayerEnabled, setLayerSolo, setLayerWeight } from '../../src-shared/edits/layer-edits';
import { activeLayer } from '../../src-shared/edits/keyframe-queries';
import type { KeyframeLayer } from '../../src-shared/keyframes/keyframe-schema';
import { useStudio, useStudioSelector } from '../state/studio-context';

const NO_LAYERS: readonly KeyframeLayer[] = [];

/**
 * The keyframe layers, in composition order: click one to make it active (the lanes show and new
 * keys go to it), double-click to rename; M mutes, S solos, the number is its weight (0..1),
 * arrows reorder, × deletes. Every change is one undo step and is saved with the project.
 */
export function LayersBar() {
  const { edits } = useStudio();
  const layers = useStudioSelector((s) => s.document?.layers ?? NO_LAYERS);
  const activeId = useStudioSelector((s) => (s.document === null ? null : (activeLayer(s.document)?.id ?? null)));
  const hasProject = useStudioSelector((s) => s.document !== null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const select = (layer: KeyframeLayer) => {
    if (layer.id === activeId) return;
    edits.clearSelection();
    edits.edit(setActiveLayer(layer.id));
  };
  return (
    <div className="layers-bar" role="toolbar" aria-label="Layers" data-testid="layers-bar">
      <span className="layers-title">Layers</span>
      {layers.length === 0 && <span className="layers-empty">Keys go to a “Keys” layer made by the first key</span>}
      {layers.map((layer, index) => (
        <div key={layer.id} className="layer-chip" data-testid="layer" data-layer-id={layer.id} data-active={layer.id === activeId} data-enabled={layer.enabled} data-solo={layer.solo}>
          {renaming === layer.id ? (
            <input
              className="layer-rename"
              data-testid="layer-rename"
              defaultValue={layer.name}
              autoFocus
              onBlur={(event) => {
                edits.edit(renameLayer(layer.id, event.currentTarget.value));
                setRenaming(null);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') event.currentTarget.blur();
                if (event.key === 'Escape') setRenaming(null);
                event.stopPropagation();
              }}
            />
          ) : (
            <button type="button" className="layer-name" data-testid="layer-name" title="Click: make active (new keys go here). Double-click: rename" onClick={() => select(layer)} onDoubleClick={() => setRenaming(layer.id)}>
              {layer.name}
            </button>
          )}
          <button type="button" className="layer-toggle" data-testid="layer-mute" aria-pressed={!layer.enabled} title={layer.enabled ? 'Mute this layer' : 'Unmute this layer'} onClick={() => edits.edit(setLayerEnabled(layer.id, !layer.enabled))}>
            M
          </button>
          <button type="button" className="layer-toggle" data-testid="layer-solo" aria-pressed={layer.solo} title={layer.solo ? 'Unsolo' : 'Solo: only soloed layers compose'} onClick={() => edits.edit(setLayerSolo(layer.id, !layer.solo))}>
            S
          </button>
          <input
            className="layer-weight"
            type="number"
            data-testid="layer-weight"
            min={0}
            max={1}
            step={0.05}
            value={layer.weight}
            title="Weight: how much of this layer's keys is added (0..1)"
            onChange={(event) => {
              const weight = Number(event.currentTarget.value);
              if (event.currentTarget.value !== '' && Number.isFinite(weight)) edits.edit(setLayerWeight(layer.id, weight));
            }}
            onKeyDown={(event) => event.stopPropagation()}
          />
          <button type="button" className="layer-toggle" data-testid="layer-earlier" disabled={index === 0} title="Move earlier in the order" onClick={() => edits.edit(moveLayer(layer.id, -1))}>
            ‹
          </button>
          <button type="button" className="layer-toggle" data-testid="layer-later" disabled={index === layers.length - 1} title="Move later in the order" onClick={() => edits.edit(moveLayer(layer.id, 1))}>
            ›
          </button>
          <button type="button" className="layer-toggle" data-testid="layer-delete" title="Delete this layer and its keys" onClick={() => edits.edit(deleteLayer(layer.id))}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="layer-add"
        data-testid="layer-add"
        disabled={!hasProject}
        title="Add a layer: it becomes active, and new keys go to it"
        onClick={() => {
          edits.clearSelection();
          edits.edit(addLayer().edit);
        }}
      >
        + Layer
      </button>
    </div>
  );
}
