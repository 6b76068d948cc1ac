import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { projectDocumentSchema } from '../../src-shared/project/project-schema';
import { renameProject } from '../../src-shared/edits/document-edits';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { AssetsSection } from './AssetsSection';
import { DraftInput } from './DraftInput';
import { EnginesSection } from './EnginesSection';
import { ExpressionSection } from './ExpressionSection';
import { ShapeKeysSection } from './ShapeKeysSection';
import { Field } from './Field';
import { KeyframeSection } from './KeyframeSection';
import { LipSyncSection } from './LipSyncSection';
import { Panel } from './Panel';
import { PoseKeysSection } from './PoseKeysSection';
import { SettingField } from './SettingField';

/** The right-hand property editor: selected keys, pose and expression keys at the playhead, the project. */
export function Inspector() {
  const document = useStudioSelector((s) => s.document);
  return (
    <Panel title="Inspector" className="inspector-panel" bodyClassName="inspector">
      {document === null ? <div className="inspector-section empty-hint">No project open.</div> : <InspectorBody document={document} />}
    </Panel>
  );
}

function InspectorBody({ document }: { readonly document: ProjectDocument }) {
  const { edits } = useStudio();
  const selectedKeys = useStudioSelector((s) => s.ephemeral.selection.keys);

  const commitName = (text: string): string | null => {
    const name = text.trim();
    const parsed = projectDocumentSchema.shape.name.safeParse(name);
    if (!parsed.success) return 'The name needs 1 to 200 characters.';
    edits.edit(renameProject(parsed.data));
    return null;
  };

  return (
    <>
      {selectedKeys.length > 0 && <KeyframeSection document={document} refs={selectedKeys} />}
      <PoseKeysSection />
      <ExpressionSection />
      <LipSyncSection />
      <ShapeKeysSection />
      <section className="inspector-section">
        <h3 className="inspector-section-title">Project</h3>
        <Field htmlFor="field-name" label="Name" tooltip="Shown in the title bar and suggested as the file name.">
          <DraftInput id="field-name" testId="field-name" type="text" value={document.name} commit={commitName} />
        </Field>
      </section>
      <section className="inspector-section">
        <h3 className="inspector-section-title">Output</h3>
        <SettingField setting="fps" />
        <SettingField setting="outputWidthPx" />
        <SettingField setting="outputHeightPx" />
        <SettingField setting="seed" />
      </section>
      <EnginesSection document={document} />
      <AssetsSection document={document} />
    </>
  );
}
