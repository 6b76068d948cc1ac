import type { ProjectDocument, ProjectSettings } from '../../src-shared/project/project-schema';
import { projectDocumentSchema, projectSettingsSchema } from '../../src-shared/project/project-schema';
import { renameProject, setSetting } from '../state/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { AssetsSection } from './AssetsSection';
import { DraftInput } from './DraftInput';
import { EnginesSection } from './EnginesSection';
import { Field } from './Field';
import { Panel } from './Panel';

type NumericSetting = keyof ProjectSettings;

const SETTING_FIELDS: readonly { key: NumericSetting; testId: string; label: string; unit: string; tooltip: string }[] = [
  { key: 'fps', testId: 'field-fps', label: 'Frame rate', unit: 'fps', tooltip: 'Frames per second of the landmark track and the exported video (AniPortrait uses 30).' },
  { key: 'outputWidthPx', testId: 'field-width', label: 'Width', unit: 'px', tooltip: 'Width of the exported video in pixels.' },
  { key: 'outputHeightPx', testId: 'field-height', label: 'Height', unit: 'px', tooltip: 'Height of the exported video in pixels.' },
  { key: 'seed', testId: 'field-seed', label: 'Seed', unit: '', tooltip: 'Seed of every random choice (head-motion noise, blinks, diffusion noise): the same seed gives the same video.' },
];

/** The right-hand property editor of the open project. */
export function Inspector() {
  const document = useStudioSelector((s) => s.document);
  return (
    <Panel title="Inspector" bodyClassName="inspector">
      {document === null ? <div className="inspector-section empty-hint">No project open.</div> : <InspectorBody document={document} />}
    </Panel>
  );
}

function InspectorBody({ document }: { readonly document: ProjectDocument }) {
  const { actions } = useStudio();

  const commitName = (text: string): string | null => {
    const name = text.trim();
    const parsed = projectDocumentSchema.shape.name.safeParse(name);
    if (!parsed.success) return 'The name needs 1 to 200 characters.';
    actions.edit(renameProject(parsed.data));
    return null;
  };

  const commitSetting = (key: NumericSetting) => (text: string): string | null => {
    const schema = projectSettingsSchema.shape[key];
    const parsed = schema.safeParse(text.trim() === '' ? Number.NaN : Number(text));
    if (!parsed.success) return rangeMessage(key);
    actions.edit(setSetting(key, parsed.data));
    return null;
  };

  return (
    <>
      <section className="inspector-section">
        <h3 className="inspector-section-title">Project</h3>
        <Field htmlFor="field-name" label="Name" tooltip="Shown in the title bar and suggested as the file name.">
          <DraftInput id="field-name" testId="field-name" type="text" value={document.name} commit={commitName} />
        </Field>
      </section>
      <section className="inspector-section">
        <h3 className="inspector-section-title">Output</h3>
        {SETTING_FIELDS.map((field) => (
          <Field key={field.key} htmlFor={field.testId} label={field.label} unit={field.unit || undefined} tooltip={field.tooltip}>
            <DraftInput id={field.testId} testId={field.testId} type="number" value={String(document.settings[field.key])} commit={commitSetting(field.key)} />
          </Field>
        ))}
      </section>
      <EnginesSection engines={document.engines} />
      <AssetsSection document={document} />
    </>
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
