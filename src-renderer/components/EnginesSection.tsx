import type { EngineId, ProjectDocument } from '../../src-shared/project/project-schema';
import { useAniPortraitReadiness } from '../hooks/use-aniportrait-readiness';
import { describeFiles, missingFor } from '../state/aniportrait-readiness';
import type { InterpolationMode } from '../../src-shared/edits/document-edits';
import { setEngine, setInterpolation } from '../../src-shared/edits/document-edits';
import { useStudio } from '../state/studio-context';
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

/** Which engine runs each stage; the studio never falls back silently, so missing models and a missing GPU provider show here. */
export function EnginesSection({ document }: { readonly document: ProjectDocument }) {
  const { engines } = document;
  const { edits } = useStudio();
  const readiness = useAniPortraitReadiness();
  const film = engines.interpolation === 'film';
  const missing = readiness
    ? [...new Set([...(engines.audio2lmk === 'aniportrait' ? missingFor(readiness, 'audio2lmk', false) : []), ...(engines.lmk2video === 'aniportrait' || film ? missingFor(readiness, 'lmk2video', film) : [])])]
    : [];
  const diffusion = engines.lmk2video === 'aniportrait';

  return (
    <section className="inspector-section">
      <h3 className="inspector-section-title">Engines</h3>
      <Field htmlFor="field-audio2lmk" label="Audio2Lmk" tooltip="Turns the voice into a landmark track (lip sync, head motion, blinks).">
        <SelectInput id="field-audio2lmk" testId="field-audio2lmk" value={engines.audio2lmk} options={ENGINE_OPTIONS} onChange={(engine) => edits.edit(setEngine('audio2lmk', engine))} />
      </Field>
      <Field htmlFor="field-lmk2video" label="Lmk2Video" tooltip="Turns the photo and the landmark track into video frames.">
        <SelectInput id="field-lmk2video" testId="field-lmk2video" value={engines.lmk2video} options={ENGINE_OPTIONS} onChange={(engine) => edits.edit(setEngine('lmk2video', engine))} />
      </Field>
      <Field htmlFor="field-interpolation" label="Interpolation" tooltip="FILM (AniPortrait's -acc) diffuses every third frame and interpolates the rest; part of the AniPortrait engine.">
        <SelectInput id="field-interpolation" testId="field-interpolation" value={engines.interpolation} options={INTERPOLATION_OPTIONS} onChange={(mode) => edits.edit(setInterpolation(mode))} />
      </Field>
      <HeadMotionField document={document} />
      {missing.length > 0 && readiness && (
        <div className="field">
          <div className="field-hint" data-testid="engine-warning">
            The AniPortrait engine needs {describeFiles(missing)} in <span className="mono" style={{ wordBreak: 'break-all' }}>{readiness.modelsDir}</span>. Export the models once (models/README.md), or choose Built-in.
          </div>
        </div>
      )}
      {diffusion && readiness && !readiness.gpuProvider && (
        <div className="field">
          <div className="field-hint" data-testid="engine-gpu-warning">
            No GPU execution provider is installed (see the README, GPU opt-in): AniPortrait's diffusion would run on the CPU, which takes hours per second of video.
          </div>
        </div>
      )}
      {diffusion && (
        <div className="field">
          <div className="field-hint" data-testid="engine-preview-note">
            The preview shows the built-in warp of the same landmarks; AniPortrait's diffusion renders the frames on export.
          </div>
        </div>
      )}
    </section>
  );
}
