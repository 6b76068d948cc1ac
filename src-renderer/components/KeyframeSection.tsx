import type { EasePreset } from '../../src-shared/keyframes/interpolate';
import { EASE_PRESETS } from '../../src-shared/keyframes/interpolate';
import type { BezierHandles, Keyframe } from '../../src-shared/keyframes/keyframe-schema';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { assertNever } from '../../src-shared/util/assert-never';
import { findKey } from '../../src-shared/edits/keyframe-queries';
import { moveKeys, setKeysInterpolation, setKeysValue } from '../../src-shared/edits/keyframe-edits';
import type { KeyRef } from '../../src-shared/edits/selection';
import { useStudio } from '../state/studio-context';
import { CHANNEL_INFO } from '../util/channel-info';
import { CurvePreview } from './CurvePreview';
import { DraftInput } from './DraftInput';
import { DragValueField } from './DragValueField';
import { Field } from './Field';
import { SelectInput } from './SelectInput';

type InterpChoice = 'ease' | 'easeIn' | 'easeOut' | 'easeInOut' | 'linearBezier' | 'custom' | 'linear' | 'hold';

const CHOICES: readonly { value: InterpChoice; label: string }[] = [
  { value: 'ease', label: 'Bezier: ease' },
  { value: 'easeIn', label: 'Bezier: ease in' },
  { value: 'easeOut', label: 'Bezier: ease out' },
  { value: 'easeInOut', label: 'Bezier: ease in-out' },
  { value: 'linearBezier', label: 'Bezier: linear' },
  { value: 'custom', label: 'Bezier: custom' },
  { value: 'linear', label: 'Linear' },
  { value: 'hold', label: 'Hold (step)' },
];

function presetOf(handles: BezierHandles): EasePreset | null {
  const names = Object.keys(EASE_PRESETS) as EasePreset[];
  return names.find((name) => {
    const p = EASE_PRESETS[name];
    return p.outX === handles.outX && p.outY === handles.outY && p.inX === handles.inX && p.inY === handles.inY;
  }) ?? null;
}

function choiceOf(key: Keyframe): InterpChoice {
  if (key.interp !== 'bezier') return key.interp;
  const preset = presetOf(key.handles);
  return preset === null ? 'custom' : preset === 'linear' ? 'linearBezier' : preset;
}

/** The selected keys: time, value, and how the segment after each is interpolated. */
export function KeyframeSection({ document, refs }: { readonly document: ProjectDocument; readonly refs: readonly KeyRef[] }) {
  const { edits } = useStudio();
  const found = refs.flatMap((ref) => {
    const key = findKey(document, ref);
    return key === null ? [] : [{ ref, key }];
  });
  if (found.length === 0) return null;
  const { ref: first, key } = found[0];
  const info = CHANNEL_INFO[first.channel];
  const keyRefs = found.map((f) => f.ref);
  const single = found.length === 1;
  const fps = document.settings.fps;
  const choices = new Set(found.map((f) => choiceOf(f.key)));
  const choice = choices.size === 1 ? choiceOf(key) : 'custom';

  const setChoice = (next: InterpChoice) => {
    const label = `Interpolation ${next}`;
    switch (next) {
      case 'linear':
      case 'hold':
        edits.edit(setKeysInterpolation(keyRefs, next, null, label));
        return;
      case 'custom':
        edits.edit(setKeysInterpolation(keyRefs, 'bezier', null, label));
        return;
      case 'linearBezier':
        edits.edit(setKeysInterpolation(keyRefs, 'bezier', EASE_PRESETS.linear, label));
        return;
      case 'ease':
      case 'easeIn':
      case 'easeOut':
      case 'easeInOut':
        edits.edit(setKeysInterpolation(keyRefs, 'bezier', EASE_PRESETS[next], label));
        return;
      default:
        assertNever(next, 'interpolation choice');
    }
  };
  const commitTime = (text: string): string | null => {
    const frame = Number(text);
    if (!Number.isInteger(frame) || frame < 0) return 'Type a frame number (0 or more).';
    edits.edit(moveKeys([first], frame / fps - key.timeSec));
    return null;
  };

  return (
    <section className="inspector-section" data-testid="keyframe-section">
      <h3 className="inspector-section-title">
        {single ? `Keyframe · ${info.label}` : `${found.length} keyframes`}
      </h3>
      {single && (
        <Field htmlFor="key-frame" label="Frame" tooltip="The frame this key sits on (time × fps)">
          <DraftInput id="key-frame" testId="key-frame" type="number" value={String(Math.round(key.timeSec * fps))} commit={commitTime} />
        </Field>
      )}
      <DragValueField
        id="key-value"
        testId="key-value"
        label={single ? `Value${info.unit === '' ? '' : ` ${info.unit}`}` : 'Value (all)'}
        tooltip={`What the key adds to ${single ? info.label : 'each channel'} over the generated motion`}
        value={key.value}
        decimals={info.decimals}
        perPx={info.perPx}
        min={info.min}
        max={info.max}
        onCommit={(v) => edits.edit(setKeysValue(keyRefs, v))}
        onDragBegin={() => edits.begin(single ? 'Change key value' : 'Change key values')}
        onDrag={(v) => edits.update(setKeysValue(keyRefs, v))}
        onDragEnd={() => edits.commit()}
      />
      <Field htmlFor="key-interp" label="Interpolation" tooltip="How the value goes from this key to the next one">
        <SelectInput<InterpChoice> id="key-interp" testId="key-interp" value={choice} options={CHOICES} onChange={setChoice} />
      </Field>
      <div className="field">
        <span />
        <CurvePreview interp={key.interp} handles={key.handles} />
      </div>
    </section>
  );
}
