import { useState } from 'react';
import type { PerformancePart, PerformancePartSettings } from '../../src-shared/performance/performance-parts';
import { PERFORMANCE_PARTS, PERFORMANCE_STRENGTH_LIMITS } from '../../src-shared/performance/performance-parts';
import { setPerformancePart } from '../../src-shared/edits/document-edits';
import { useStudio } from '../state/studio-context';

const PART_LABEL: Readonly<Record<PerformancePart, { readonly label: string; readonly off: string }>> = {
  pose: { label: 'Head pose', off: 'the head stays still' },
  expression: { label: 'Expression', off: 'brows and cheeks stay at rest' },
  mouth: { label: 'Mouth', off: 'the mouth follows the voice' },
  blinks: { label: 'Blinks', off: 'blinks are generated' },
};

/**
 * Which parts of the performance drive the photo, and how strongly. A strength is committed when
 * the slider is let go (each change re-derives the track from the tracked video).
 */
export function PerformancePartsField({ parts }: { readonly parts: PerformancePartSettings }) {
  return (
    <div className="performance-parts" data-testid="performance-parts">
      <div className="field">
        <div className="field-hint">The performance makes the whole track (the Audio2Lmk engine is not used); keys add to it. Off: the part follows the voice (mouth), is generated (blinks) or stays still.</div>
      </div>
      {PERFORMANCE_PARTS.map((part) => (
        <PartRow key={part} part={part} keep={parts[part].keep} strength={parts[part].strength} />
      ))}
    </div>
  );
}

function PartRow({ part, keep, strength }: { readonly part: PerformancePart; readonly keep: boolean; readonly strength: number }) {
  const { edits } = useStudio();
  // The value while the slider is held; null: the document's.
  const [draft, setDraft] = useState<number | null>(null);
  const shown = draft ?? strength;
  const commit = () => {
    if (draft !== null && draft !== strength) edits.edit(setPerformancePart(part, { strength: draft }));
    setDraft(null);
  };
  const { label, off } = PART_LABEL[part];
  return (
    <div className="field slider-field">
      <label className="field-label" title={`Off: ${off}.`}>
        <input type="checkbox" className="performance-part-check" data-testid={`performance-keep-${part}`} checked={keep} onChange={(event) => edits.edit(setPerformancePart(part, { keep: event.target.checked }))} />
        <span>{label}</span>
      </label>
      <div className="field-control slider-control">
        <input
          type="range"
          aria-label={`${label} strength`}
          data-testid={`performance-strength-${part}`}
          min={PERFORMANCE_STRENGTH_LIMITS[0]}
          max={PERFORMANCE_STRENGTH_LIMITS[1]}
          step={0.05}
          value={shown}
          disabled={!keep}
          onChange={(event) => setDraft(Number(event.target.value))}
          onPointerUp={commit}
          onKeyUp={commit}
          onBlur={commit}
        />
        <span className="slider-value">{Math.round(shown * 100)} %</span>
      </div>
    </div>
  );
}
