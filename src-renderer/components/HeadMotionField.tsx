import type { ChangeEvent } from 'react';
import { useRef } from 'react';
import type { PoseSource, ProjectDocument } from '../../src-shared/project/project-schema';
import { setPoseSource } from '../../src-shared/edits/document-edits';
import { useStudio } from '../state/studio-context';
import { Field } from './Field';
import { SelectInput } from './SelectInput';

type SourceKind = PoseSource['kind'];

const OPTIONS: readonly { value: SourceKind; label: string }[] = [
  { value: 'audio', label: 'From the voice' },
  { value: 'template', label: 'Pose template (.npy)' },
  { value: 'video', label: 'Reference video' },
];

const ROLE_OF = { template: 'pose-template', video: 'pose-video' } as const;

/**
 * Where the head motion comes from: generated from the voice's prosody, AniPortrait's pose template
 * (looped mirrored), or the pose and blinks of a reference video. Choosing a template or video that
 * the project does not have yet asks for the file.
 */
export function HeadMotionField({ document }: { readonly document: ProjectDocument }) {
  const { edits, files } = useStudio();
  const templateInput = useRef<HTMLInputElement>(null);
  const videoInput = useRef<HTMLInputElement>(null);
  const has = (kind: Exclude<SourceKind, 'audio'>) => document.assets.some((a) => a.role === ROLE_OF[kind]);

  const choose = (kind: SourceKind) => {
    if (kind !== 'audio' && !has(kind)) (kind === 'template' ? templateInput : videoInput).current?.click();
    else edits.edit(setPoseSource(kind));
  };
  const picked = (kind: Exclude<SourceKind, 'audio'>) => (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (file) void files.importFile(file, ROLE_OF[kind]);
  };

  return (
    <Field htmlFor="field-pose-source" label="Head motion" tooltip="Where the head pose comes from. A template or video you choose is imported into the project.">
      <SelectInput id="field-pose-source" testId="field-pose-source" value={document.poseSource.kind} options={OPTIONS} onChange={choose} />
      <input ref={templateInput} type="file" accept=".npy" hidden data-testid="input-pose-template" onChange={picked('template')} />
      <input ref={videoInput} type="file" accept="video/*" hidden data-testid="input-pose-video" onChange={picked('video')} />
    </Field>
  );
}
