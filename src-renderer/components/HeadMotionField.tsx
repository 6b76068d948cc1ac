import type { ChangeEvent } from 'react';
import { useRef, useState } from 'react';
import type { PoseSource, ProjectDocument } from '../../src-shared/project/project-schema';
import { ROLE_OF_SOURCE, setPoseSource } from '../../src-shared/edits/document-edits';
import { useStudio } from '../state/studio-context';
import { CapturePanel } from './CapturePanel';
import { Field } from './Field';
import { PerformancePartsField } from './PerformancePartsField';
import { SelectInput } from './SelectInput';

type SourceKind = PoseSource['kind'];
type FileSourceKind = Exclude<SourceKind, 'audio'>;

const OPTIONS: readonly { value: SourceKind; label: string }[] = [
  { value: 'audio', label: 'From the voice' },
  { value: 'template', label: 'Pose template (.npy)' },
  { value: 'video', label: 'Reference video' },
  { value: 'performance', label: 'Performance video' },
];

const ACCEPT: Readonly<Record<FileSourceKind, string>> = { template: '.npy', video: 'video/*', performance: 'video/*' };
const TEST_ID: Readonly<Record<FileSourceKind, string>> = { template: 'input-pose-template', video: 'input-pose-video', performance: 'input-performance-video' };

/**
 * Where the motion comes from: head pose generated from the voice's prosody, AniPortrait's pose
 * template (looped mirrored), the pose and blinks of a reference video, or a performance video
 * that drives the whole face (pose, expression, mouth, blinks; its audio becomes the project's).
 * Choosing a source the project has no file for yet asks for the file.
 */
export function HeadMotionField({ document }: { readonly document: ProjectDocument }) {
  const { edits, files } = useStudio();
  const [capturing, setCapturing] = useState(false);
  const inputs = { template: useRef<HTMLInputElement>(null), video: useRef<HTMLInputElement>(null), performance: useRef<HTMLInputElement>(null) };
  const has = (kind: FileSourceKind) => document.assets.some((a) => a.role === ROLE_OF_SOURCE[kind]);

  const choose = (kind: SourceKind) => {
    if (kind !== 'audio' && !has(kind)) inputs[kind].current?.click();
    else edits.edit(setPoseSource(kind));
  };
  const picked = (kind: FileSourceKind) => (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void files.importFile(file, ROLE_OF_SOURCE[kind]);
  };
  const source = document.poseSource;

  return (
    <>
      <Field htmlFor="field-pose-source" label="Motion" tooltip="Where the motion comes from. A template or video you choose is imported into the project; a performance video drives the whole face and brings its audio.">
        <SelectInput id="field-pose-source" testId="field-pose-source" value={source.kind} options={OPTIONS} onChange={choose} />
        {(['template', 'video', 'performance'] as const).map((kind) => (
          <input key={kind} ref={inputs[kind]} type="file" accept={ACCEPT[kind]} hidden data-testid={TEST_ID[kind]} onChange={picked(kind)} />
        ))}
      </Field>
      <div className="field">
        <span className="field-label" />
        <button type="button" className="button" data-testid="record-performance" title="Perform in front of the webcam: the take becomes the performance video." onClick={() => setCapturing(true)}>
          Record performance…
        </button>
      </div>
      {source.kind === 'performance' && <PerformancePartsField parts={source.parts} />}
      {capturing && <CapturePanel onClose={() => setCapturing(false)} />}
    </>
  );
}
