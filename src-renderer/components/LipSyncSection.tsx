import type { LipSyncControl } from '../../src-shared/edits/mouth-edits';
import { setLipSyncControl } from '../../src-shared/edits/mouth-edits';
import { LIP_SYNC_LIMITS } from '../../src-shared/mouth/mouth-schema';
import { mouthMode } from '../../src-shared/mouth/mouth-poses';
import { useStudio, useStudioSelector } from '../state/studio-context';

const CONTROLS: readonly { control: LipSyncControl; label: string; step: number; unit: string; tooltip: string }[] = [
  { control: 'amount', label: 'Mouth amount', step: 0.05, unit: '×', tooltip: 'How far the mouth moves from rest: 1 as generated, 0 closed, 2 twice as wide.' },
  { control: 'articulation', label: 'Articulation', step: 0.05, unit: '×', tooltip: 'Exaggerates the change from shape to shape around the local average (0.3 s): 1 as generated, above 1 crisper, below 1 mumbled.' },
  { control: 'smoothingSec', label: 'Smoothing', step: 0.01, unit: 's', tooltip: 'Averages the mouth over this window (centred, so it does not lag); it also softens cuts into and out of edited segments.' },
];

/**
 * The clip's lip-sync controls, applied over the generated mouth in the composition
 * (src-shared/mouth/compose-mouth.ts): the preview changes at once, nothing is generated again.
 * A slider drag is one undo step.
 */
export function LipSyncSection() {
  const { edits } = useStudio();
  const mouth = useStudioSelector((s) => s.document?.mouth ?? null);
  const mesh = useStudioSelector((s) => (s.ephemeral.generated === null ? false : mouthMode(s.ephemeral.generated.track) === 'mesh'));
  if (mouth === null) return null;
  return (
    <section className="inspector-section" data-testid="lip-sync-section">
      <h3 className="inspector-section-title">Lip sync</h3>
      {mesh && <div className="field-hint" data-testid="lip-sync-mesh-note">A mesh makes this mouth (AniPortrait&apos;s Audio2Lmk or a performance video): these controls scale and smooth its lower face (lips, jaw, cheeks; not the eyes or brows). The mouth lane&apos;s segments correct it.</div>}
      {CONTROLS.map(({ control, label, step, unit, tooltip }) => {
        const id = `lip-sync-${control}`;
        const [min, max] = LIP_SYNC_LIMITS[control];
        return (
          <div className="field slider-field" key={control}>
            <label className="field-label" htmlFor={id} title={tooltip}>
              {label}
            </label>
            <div className="field-control slider-control">
              <input
                id={id}
                data-testid={id}
                type="range"
                min={min}
                max={max}
                step={step}
                value={mouth[control]}
                onPointerDown={() => edits.begin(label)}
                onPointerUp={(event) => {
                  edits.commit();
                  event.currentTarget.blur();
                }}
                onPointerCancel={() => edits.commit()}
                onChange={(event) => {
                  const edit = setLipSyncControl(control, Number(event.target.value));
                  if (edits.inTransaction()) edits.update(edit);
                  else edits.edit(edit);
                }}
                onDoubleClick={() => edits.edit(setLipSyncControl(control, control === 'smoothingSec' ? 0 : 1))}
              />
              <span className="slider-value" data-testid={`${id}-value`} title="Double-click the slider to reset">
                {mouth[control].toFixed(2)}
                {unit}
              </span>
            </div>
          </div>
        );
      })}
    </section>
  );
}
