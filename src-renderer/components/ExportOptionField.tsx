import { useCallback } from 'react';
import type { ExportOptions } from '../../src-shared/ipc/contract';
import { exportOptionsSchema } from '../../src-shared/ipc/contract';
import { DraftInput } from './DraftInput';
import { Field } from './Field';

export type NumericOption = 'outputWidthPx' | 'outputHeightPx' | 'fps';

const OPTION_FIELDS: Readonly<Record<NumericOption, { testId: string; label: string; unit: string; tooltip: string; range: string }>> = {
  outputWidthPx: { testId: 'export-field-width', label: 'Width', unit: 'px', tooltip: "Width of this video in pixels (the project's width to start with).", range: 'Use an even whole number of pixels from 64 to 4096 (H.264 needs even sizes).' },
  outputHeightPx: { testId: 'export-field-height', label: 'Height', unit: 'px', tooltip: "Height of this video in pixels (the project's height to start with).", range: 'Use an even whole number of pixels from 64 to 4096 (H.264 needs even sizes).' },
  fps: { testId: 'export-field-fps', label: 'Frame rate', unit: 'fps', tooltip: "Frames per second of this video (the project's to start with; another rate makes its own track).", range: 'Use a whole number of frames per second from 1 to 120.' },
};

/** One numeric option of this export, validated like the project setting it starts from; it does not edit the project. */
export function ExportOptionField({
  option,
  options,
  onChange,
  onProblem,
  disabled,
}: {
  readonly option: NumericOption;
  readonly options: ExportOptions;
  readonly onChange: (next: ExportOptions) => void;
  /** The field's value is refused (its message), or fine again (null): the dialog holds Export back meanwhile. */
  readonly onProblem: (option: NumericOption, problem: string | null) => void;
  readonly disabled: boolean;
}) {
  const field = OPTION_FIELDS[option];
  const onErrorChange = useCallback((problem: string | null) => onProblem(option, problem), [onProblem, option]);
  const commit = (text: string): string | null => {
    const parsed = exportOptionsSchema.shape[option].safeParse(text.trim() === '' ? Number.NaN : Number(text));
    if (!parsed.success) return field.range;
    onChange({ ...options, [option]: parsed.data });
    return null;
  };
  return (
    <Field htmlFor={field.testId} label={field.label} unit={field.unit} tooltip={field.tooltip}>
      <DraftInput id={field.testId} testId={field.testId} type="number" value={String(options[option])} commit={commit} disabled={disabled} onErrorChange={onErrorChange} />
    </Field>
  );
}
