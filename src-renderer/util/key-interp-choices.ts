import type { DocumentEdit } from '../../src-shared/edits/document-edit';
import { applyEasePreset } from '../../src-shared/edits/handle-edits';
import { setKeysInterpolation } from '../../src-shared/edits/keyframe-edits';
import type { KeyRef } from '../../src-shared/edits/selection';
import type { EasePreset } from '../../src-shared/keyframes/interpolate';
import type { HandleMode } from '../../src-shared/keyframes/keyframe-schema';

/** What the key menu and the inspector offer for the segment after a key: an interpolation, or an ease preset (bezier handles). */
export type InterpChoice = 'bezier' | 'linear' | 'hold' | EasePreset | 'linearBezier';

export const INTERP_CHOICES: readonly { value: InterpChoice; label: string }[] = [
  { value: 'bezier', label: 'Bezier (handles)' },
  { value: 'linear', label: 'Linear' },
  { value: 'hold', label: 'Hold (step)' },
  { value: 'ease', label: 'Ease preset: ease' },
  { value: 'easeIn', label: 'Ease preset: ease in' },
  { value: 'easeOut', label: 'Ease preset: ease out' },
  { value: 'easeInOut', label: 'Ease preset: ease in-out' },
  { value: 'linearBezier', label: 'Ease preset: linear' },
];

export const HANDLE_MODE_CHOICES: readonly { value: HandleMode; label: string }[] = [
  { value: 'auto-clamped', label: 'Auto clamped' },
  { value: 'auto', label: 'Auto' },
  { value: 'vector', label: 'Vector' },
  { value: 'aligned', label: 'Aligned' },
  { value: 'free', label: 'Free' },
];

/** The edit a choice makes on the keys `refs`. */
export function interpChoiceEdit(refs: readonly KeyRef[], choice: InterpChoice): DocumentEdit {
  switch (choice) {
    case 'bezier':
    case 'linear':
    case 'hold':
      return setKeysInterpolation(refs, choice);
    case 'linearBezier':
      return applyEasePreset(refs, 'linear');
    case 'ease':
    case 'easeIn':
    case 'easeOut':
    case 'easeInOut':
      return applyEasePreset(refs, choice);
  }
}
