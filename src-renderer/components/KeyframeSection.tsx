import type { Keyframe } from '../../src-shared/keyframes/keyframe-schema';
import type { HandleMode } from '../../src-shared/keyframes/keyframe-schema';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { channelKeys, findKey } from '../../src-shared/edits/keyframe-queries';
import { moveKeys, setKeysValue } from '../../src-shared/edits/keyframe-edits';
import { setKeysHandleMode } from '../../src-shared/edits/handle-edits';
import { offsetKeysValue, scaleKeysTime } from '../../src-shared/edits/key-transform-edits';
import { playheadFrameTimeSec } from '../state/edit-actions';
import type { KeyRef } from '../../src-shared/edits/selection';
import { useStudio } from '../state/studio-context';
import { channelInfo } from '../util/channel-info';
import type { InterpChoice } from '../util/key-interp-choices';
import { HANDLE_MODE_CHOICES, INTERP_CHOICES, interpChoiceEdit } from '../util/key-interp-choices';
import { CurvePreview } from './CurvePreview';
import { DraftInput } from './DraftInput';
import { DragValueField } from './DragValueField';
import { Field } from './Field';
import { SelectInput } from './SelectInput';

const choiceOf = (key: Keyframe): InterpChoice => key.interp;

/** The selected keys: time, value, how the segment after each is interpolated, and their handle mode. */
export function KeyframeSection({ document, refs }: { readonly document: ProjectDocument; readonly refs: readonly KeyRef[] }) {
  const { edits, store } = useStudio();
  const found = refs.flatMap((ref) => {
    const key = findKey(document, ref);
    return key === null ? [] : [{ ref, key }];
  });
  if (found.length === 0) return null;
  const { ref: first, key } = found[0];
  const info = channelInfo(first.channel, document.shapes);
  const keyRefs = found.map((f) => f.ref);
  const single = found.length === 1;
  const fps = document.settings.fps;
  const choices = new Set(found.map((f) => choiceOf(f.key)));
  const choice = choices.size === 1 ? choiceOf(key) : 'bezier';
  const modes = new Set(found.map((f) => f.key.handleMode));
  const mode: HandleMode = modes.size === 1 ? key.handleMode : 'free';
  const keys = channelKeys(document, first.channel);
  const index = keys.findIndex((k) => k.id === key.id);

  const commitScale = (text: string): string | null => {
    const factor = Number(text);
    if (!(factor > 0) || !Number.isFinite(factor)) return 'Type a factor above 0 (2 doubles the spacing).';
    edits.edit(scaleKeysTime(keyRefs, playheadFrameTimeSec(store.getState()), factor));
    return null;
  };
  const commitOffset = (text: string): string | null => {
    const delta = Number(text);
    if (!Number.isFinite(delta)) return 'Type a number to add to the values.';
    edits.edit(offsetKeysValue(keyRefs, delta));
    return null;
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
        <SelectInput<InterpChoice> id="key-interp" testId="key-interp" value={choice} options={INTERP_CHOICES} onChange={(next) => edits.edit(interpChoiceEdit(keyRefs, next))} />
      </Field>
      <Field htmlFor="key-handles" label="Handles" tooltip="How the bezier handles are decided (as in Blender): auto-clamped never overshoots; drag them in the graph editor">
        <SelectInput<HandleMode> id="key-handles" testId="key-handles" value={mode} options={HANDLE_MODE_CHOICES} onChange={(next) => edits.edit(setKeysHandleMode(keyRefs, next))} />
      </Field>
      <div className="field">
        <span />
        <CurvePreview keys={keys} index={index} />
      </div>
      <Field htmlFor="key-scale" label="Scale time" tooltip="Spreads (> 1) or squeezes (< 1) the selected keys in time around the playhead">
        <DraftInput id="key-scale" testId="key-scale" type="number" value="1" commit={commitScale} suffix="×" />
      </Field>
      <Field htmlFor="key-offset" label="Offset values" tooltip={`Adds this to every selected key's value${info.unit === '' ? '' : ` (${info.unit})`}`}>
        <DraftInput id="key-offset" testId="key-offset" type="number" value="0" commit={commitOffset} />
      </Field>
    </section>
  );
}
