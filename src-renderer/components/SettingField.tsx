import type { ProjectSettings } from '../../src-shared/project/project-schema';
import { projectSettingsSchema } from '../../src-shared/project/project-schema';
import { setSetting } from '../../src-shared/edits/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { DraftInput } from './DraftInput';
import { Field } from './Field';

export type NumericSetting = keyof ProjectSettings;

const SETTING_FIELDS: Readonly<Record<NumericSetting, { testId: string; label: string; unit: string; tooltip: string }>> = {
  fps: { testId: 'field-fps', label: 'Frame rate', unit: 'fps', tooltip: 'Frames per second of the landmark track and the exported video (AniPortrait uses 30).' },
  outputWidthPx: { testId: 'field-width', label: 'Width', unit: 'px', tooltip: 'Width of the exported video in pixels.' },
  outputHeightPx: { testId: 'field-height', label: 'Height', unit: 'px', tooltip: 'Height of the exported video in pixels.' },
  seed: { testId: 'field-seed', label: 'Seed', unit: '', tooltip: 'Seed of every random choice (head-motion noise, blinks, diffusion noise): the same seed gives the same video.' },
};

/** One of the project's numeric settings as a validated inspector field; `idPrefix` keeps ids unique per place. */
export function SettingField({ setting, idPrefix = '' }: { readonly setting: NumericSetting; readonly idPrefix?: string }) {
  const { edits } = useStudio();
  const value = useStudioSelector((s) => s.document?.settings[setting] ?? 0);
  const field = SETTING_FIELDS[setting];
  const id = `${idPrefix}${field.testId}`;
  const commit = (text: string): string | null => {
    const parsed = projectSettingsSchema.shape[setting].safeParse(text.trim() === '' ? Number.NaN : Number(text));
    if (!parsed.success) return rangeMessage(setting);
    edits.edit(setSetting(setting, parsed.data));
    return null;
  };
  return (
    <Field htmlFor={id} label={field.label} unit={field.unit || undefined} tooltip={field.tooltip}>
      <DraftInput id={id} testId={id} type="number" value={String(value)} commit={commit} />
    </Field>
  );
}

function rangeMessage(key: NumericSetting): string {
  switch (key) {
    case 'fps':
      return 'Use a whole number of frames per second from 1 to 120.';
    case 'outputWidthPx':
    case 'outputHeightPx':
      return 'Use a whole number of pixels from 64 to 4096.';
    case 'seed':
      return 'Use a whole number from 0 to 2147483647.';
    default:
      return key satisfies never;
  }
}
