import type { ChangeEvent } from 'react';
import { useRef, useState } from 'react';
import type { AssetRole } from '../../src-shared/project/project-schema';
import { trackInputsKey } from '../../src-shared/project/derived';
import { redoLabel, undoLabel } from '../../src-shared/edits/history';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { isDirty, saveStateText } from '../state/studio-state';
import { formatClockTime } from '../util/format';
import { MOD } from '../util/shortcut-labels';
import { RenderQueueDialog } from './RenderQueueDialog';
import { ToolButton } from './ToolButton';

export function Toolbar() {
  const { files, edits, generation, exporter, view } = useStudio();
  const saveState = useStudioSelector((s) => saveStateText(s, formatClockTime));
  const name = useStudioSelector((s) => s.document?.name ?? null);
  const dirty = useStudioSelector(isDirty);
  const savedPath = useStudioSelector((s) => s.session.savedPath);
  const host = useStudioSelector((s) => s.ephemeral.appInfo?.host ?? null);
  const connected = useStudioSelector((s) => s.ephemeral.connection.state !== 'closed');
  const undoText = useStudioSelector((s) => undoLabel(s.ephemeral.history));
  const redoText = useStudioSelector((s) => redoLabel(s.ephemeral.history));
  const canGenerate = useStudioSelector((s) => s.session.workDir !== null && s.document !== null && trackInputsKey(s.document) !== null);
  const generating = useStudioSelector((s) => s.ephemeral.generation.status === 'running');
  const hasProject = name !== null;
  const photoInput = useRef<HTMLInputElement>(null);
  const audioInput = useRef<HTMLInputElement>(null);
  const [queueOpen, setQueueOpen] = useState(false);

  const onPicked = (role: AssetRole) => (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Clear it so picking the same file again still fires `change`.
    event.target.value = '';
    if (file !== undefined) void files.importFile(file, role);
  };

  return (
    <header className="toolbar" role="toolbar" aria-label="Project">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        AniPortrait Studio
      </div>
      <div className="toolbar-group">
        <ToolButton icon="new" label="New" testId="btn-new" tooltip="New project: start an untitled project" disabled={!connected} onClick={() => files.requestNew()} />
        <ToolButton icon="open" label="Open" testId="btn-open" tooltip={`Open an .aniproj project (${MOD}O)`} disabled={!connected} onClick={() => files.requestOpen()} />
        <ToolButton icon="save" label="Save" testId="btn-save" tooltip={`Save the project (${MOD}S)`} disabled={!hasProject} onClick={() => void files.save()} />
        <ToolButton icon="save-as" label="Save As" testId="btn-save-as" tooltip={`Save the project to a new location (${MOD}Shift+S)`} disabled={!hasProject} onClick={() => void files.saveAs()} />
      </div>
      <div className="toolbar-group">
        <ToolButton icon="undo" label="Undo" iconOnly testId="btn-undo" tooltip={undoText === null ? `Undo (${MOD}Z): nothing to undo` : `Undo ${undoText} (${MOD}Z)`} disabled={undoText === null} onClick={() => edits.undo()} />
        <ToolButton icon="redo" label="Redo" iconOnly testId="btn-redo" tooltip={redoText === null ? `Redo (${MOD}Shift+Z): nothing to redo` : `Redo ${redoText} (${MOD}Shift+Z)`} disabled={redoText === null} onClick={() => edits.redo()} />
      </div>
      <div className="toolbar-group">
        <ToolButton icon="photo" label="Import Photo" testId="btn-import-photo" tooltip="Import the portrait photo (PNG, JPEG, WebP). You can also drop it on the window." disabled={!hasProject} onClick={() => photoInput.current?.click()} />
        <ToolButton icon="audio" label="Import Audio" testId="btn-import-audio" tooltip="Import the voice recording (WAV, MP3, …). You can also drop it on the window." disabled={!hasProject} onClick={() => audioInput.current?.click()} />
        <input ref={photoInput} className="visually-hidden" type="file" accept="image/*" data-testid="input-photo" tabIndex={-1} onChange={onPicked('photo')} />
        <input ref={audioInput} className="visually-hidden" type="file" accept="audio/*" data-testid="input-audio" tabIndex={-1} onChange={onPicked('audio')} />
      </div>
      <div className="toolbar-group">
        <ToolButton
          icon="generate"
          label="Generate"
          testId="btn-generate"
          tooltip={canGenerate ? 'Generate the landmark track from the voice (lip sync, head motion, blinks). Your keyframes are kept.' : 'Generate the landmark track: import a portrait photo and a voice recording first'}
          disabled={!canGenerate || generating}
          onClick={() => void generation.generate()}
        />
        <ToolButton icon="export" label="Export" testId="btn-export" tooltip="Export the video (MP4: H.264 + AAC)" disabled={!hasProject} onClick={() => exporter.open()} />
        <ToolButton icon="export" label="Queue" testId="btn-queue" tooltip="Render queue: send the project to the local queue or a render farm, follow its jobs" disabled={!connected} onClick={() => setQueueOpen(true)} />
      </div>
      <div className="project-title" title={savedPath ?? 'Not saved yet'}>
        <span className="project-title-name" data-testid="project-name">{name ?? 'No project'}</span>
        {dirty && (
          <span className="dirty-indicator" data-testid="dirty-indicator" aria-label="Unsaved changes" title="Unsaved changes">
            •
          </span>
        )}
        <span className="project-title-state" data-testid="project-save-state">
          {saveState}
        </span>
      </div>
      <button type="button" className="button help-button" data-testid="btn-shortcuts" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts" onClick={() => view.openDialog({ kind: 'shortcuts' })}>
        ?
      </button>
      {host !== null && <span className="host-badge" title="Where the studio services run">{host} host</span>}
      {queueOpen && <RenderQueueDialog onClose={() => setQueueOpen(false)} />}
    </header>
  );
}
