import type { EngineId, ProjectDocument } from '../../src-shared/project/project-schema';
import type { InterpolationMode } from '../state/document-edits';
import { setEngine, setInterpolation } from '../state/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { Field } from './Field';
import { HeadMotionField } from './HeadMotionField';
import { SelectInput } from './SelectInput';

const ENGINE_OPTIONS: readonly { value: EngineId; label: string }[] = [
  { value: 'builtin', label: 'Built-in (CPU)' },
  { value: 'aniportrait', label: 'AniPortrait (ONNX, GPU)' },
];

const INTERPOLATION_OPTIONS: readonly { value: InterpolationMode; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'film', label: 'FILM (AniPortrait -acc)' },
];

/** Which engine runs each stage; the studio never falls back silently, so missing models show here. */
export function EnginesSection({ document }: { readonly document: ProjectDocument }) {
  const { engines } = document;
  const { actions } = useStudio();
  const models = useStudioSelector((s) => s.ephemeral.appInfo?.models ?? null);
  const missing = models?.filter((m) => m.name.startsWith('aniportrait') && m.status !== 'ready').length ?? 0;
  const usesAniPortrait = engines.audio2lmk === 'aniportrait' || engines.lmk2video === 'aniportrait' || engines.interpolation === 'film';

  return (
    <section className="inspector-section">
      <h3 className="inspector-section-title">Engines</h3>
      <Field htmlFor="field-audio2lmk" label="Audio2Lmk" tooltip="Turns the voice into a landmark track (lip sync, head motion, blinks).">
        <SelectInput id="field-audio2lmk" testId="field-audio2lmk" value={engines.audio2lmk} options={ENGINE_OPTIONS} onChange={(engine) => actions.edit(setEngine('audio2lmk', engine))} />
      </Field>
      <Field htmlFor="field-lmk2video" label="Lmk2Video" tooltip="Turns the photo and the landmark track into video frames.">
        <SelectInput id="field-lmk2video" testId="field-lmk2video" value={engines.lmk2video} options={ENGINE_OPTIONS} onChange={(engine) => actions.edit(setEngine('lmk2video', engine))} />
      </Field>
      <Field htmlFor="field-interpolation" label="Interpolation" tooltip="FILM (AniPortrait's -acc) diffuses every third frame and interpolates the rest; part of the AniPortrait engine.">
        <SelectInput id="field-interpolation" testId="field-interpolation" value={engines.interpolation} options={INTERPOLATION_OPTIONS} onChange={(mode) => actions.edit(setInterpolation(mode))} />
      </Field>
      <HeadMotionField document={document} />
      {usesAniPortrait && missing > 0 && (
        <div className="field">
          <div className="field-hint" data-testid="engine-warning">
            {missing} AniPortrait model file{missing === 1 ? ' is' : 's are'} not ready; export the weights before rendering with these engines.
          </div>
        </div>
      )}
    </section>
  );
}
