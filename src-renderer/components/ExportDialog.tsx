import { useCallback, useState } from 'react';
import { assertNever } from '../../src-shared/util/assert-never';
import { useAniPortraitReadiness } from '../hooks/use-aniportrait-readiness';
import { describeFiles, missingFor } from '../state/aniportrait-readiness';
import type { ExportOptions } from '../../src-shared/ipc/contract';
import type { ProjectDocument } from '../../src-shared/project/project-schema';
import { withMp4Extension } from '../state/export-actions';
import { exportFraction } from '../state/export-state';
import { setSettings } from '../../src-shared/edits/document-edits';
import { joinPath, splitPath } from '../util/path-join';
import { FileBrowser } from './FileBrowser';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { Field } from './Field';
import { Modal } from './Modal';
import { ProgressBar } from './ProgressBar';
import type { NumericOption } from './ExportOptionField';
import { ExportOptionField } from './ExportOptionField';

/**
 * Export to MP4: size, frame rate and video engine of this export (they start as the project's
 * and do not change it), output path; then progress with the time left, Cancel, and Reveal (where
 * the host has a file manager to show it in).
 */
export function ExportDialog({ initialPath }: { readonly initialPath: string }) {
  const { view, exporter, store, edits } = useStudio();
  const job = useStudioSelector((s) => s.ephemeral.exportJob);
  const host = useStudioSelector((s) => s.ephemeral.appInfo?.host ?? null);
  const projectName = useStudioSelector((s) => s.document?.name ?? 'Untitled');
  // Read once when the dialog opens: what is typed here is this export's, not the project's.
  const [options, setOptions] = useState<ExportOptions>(() => exportOptionsOf(store.getState().document));
  /** Option fields whose typed value is refused: Export waits until they are fixed (or dropped with Escape). */
  const [problems, setProblems] = useState<ReadonlySet<NumericOption>>(new Set());
  const onProblem = useCallback((option: NumericOption, problem: string | null) => {
    setProblems((current) => {
      if (current.has(option) === (problem !== null)) return current;
      const next = new Set(current);
      if (problem === null) next.delete(option);
      else next.add(option);
      return next;
    });
  }, []);
  const engine = options.lmk2video;
  const film = useStudioSelector((s) => s.document?.engines.interpolation === 'film');
  const readiness = useAniPortraitReadiness();
  const missing = readiness ? missingFor(readiness, 'lmk2video', film) : [];
  const [path, setPath] = useState(initialPath);
  const [canReveal, setCanReveal] = useState(host === 'electron');
  const [browsing, setBrowsing] = useState(false);
  const [asDefaults, setAsDefaults] = useState(false);
  const running = job.status === 'running';
  const close = () => {
    if (!running) view.closeDialog();
  };
  // In the desktop studio, videos are written only where the user chose in the save dialog.
  const [chosenPath, setChosenPath] = useState<string | null>(null);
  const browse = async (): Promise<string | null> => {
    const picked = await exporter.browse(projectName);
    // No native dialog (web host): the in-app file browser opens below the path.
    if (!picked.native) setBrowsing(!browsing);
    if (picked.path !== null) {
      setPath(picked.path);
      setChosenPath(picked.path);
    }
    return picked.path;
  };
  const start = async (createFolders = false) => {
    const target = host === 'electron' && path !== chosenPath ? await browse() : path;
    if (target === null) return;
    setBrowsing(false);
    // "Also make these the project's settings": one undo step, before the export reads the document.
    if (asDefaults) edits.edit(setSettings({ outputWidthPx: options.outputWidthPx, outputHeightPx: options.outputHeightPx, fps: options.fps }, 'Export settings as project defaults'));
    await exporter.start(target, options, createFolders);
  };

  return (
    <Modal
      title="Export video"
      testId="export-dialog"
      onCancel={close}
      footer={
        running ? (
          <button type="button" className="button" data-testid="export-cancel" onClick={() => exporter.cancel()}>
            Cancel export
          </button>
        ) : (
          <>
            {job.status === 'done' && canReveal && (
              <button type="button" className="button" data-testid="export-reveal" onClick={() => void exporter.reveal(job.outPath).then(setCanReveal)}>
                Reveal in folder
              </button>
            )}
            <button type="button" className="button" data-testid="export-close" onClick={close}>
              Close
            </button>
            {job.status === 'missing-folder' && (
              <button type="button" className="button" data-testid="export-create-folder" onClick={() => void start(true)}>
                Create folder and export
              </button>
            )}
            <button type="button" className="button primary" data-testid="export-start" disabled={path.trim() === '' || problems.size > 0} title={problems.size > 0 ? 'Fix the marked field first' : undefined} onClick={() => void start()}>
              {job.status === 'done' ? 'Export again' : 'Export'}
            </button>
          </>
        )
      }
    >
      <div className="export-form">
        <ExportOptionField option="outputWidthPx" options={options} onChange={setOptions} onProblem={onProblem} disabled={running} />
        <ExportOptionField option="outputHeightPx" options={options} onChange={setOptions} onProblem={onProblem} disabled={running} />
        <ExportOptionField option="fps" options={options} onChange={setOptions} onProblem={onProblem} disabled={running} />
        <Field htmlFor="export-engine" label="Engine" tooltip="Which Lmk2Video engine renders the frames">
          <div className="field-control">
            <select
              id="export-engine"
              data-testid="export-engine"
              value={engine}
              disabled={running}
              onChange={(event) => setOptions({ ...options, lmk2video: event.target.value === 'aniportrait' ? 'aniportrait' : 'builtin' })}
            >
              <option value="builtin">Built-in (CPU, real time)</option>
              <option value="aniportrait" disabled={missing.length > 0} title={missing.length > 0 ? `Missing: ${missing.join(', ')}` : 'Diffusion on the exported ONNX graphs'}>
                AniPortrait (ONNX diffusion){missing.length > 0 ? ' — models missing' : ''}
              </option>
            </select>
          </div>
        </Field>
        {engine === 'aniportrait' && missing.length > 0 && (
          <div className="field-hint export-hint" data-testid="export-engine-hint">
            AniPortrait needs {describeFiles(missing)} in <span className="mono" style={{ wordBreak: 'break-all' }}>{readiness?.modelsDir}</span> (models/README.md); choose Built-in to export now.
          </div>
        )}
        {engine === 'aniportrait' && missing.length === 0 && (
          <div className="field-hint export-hint" data-testid="export-engine-hint">
            AniPortrait renders at the size its models were exported for (512x512 unless the export said otherwise), 30 fps{film ? ', every third frame diffused and the rest made by FILM' : ''}.
            {readiness && !readiness.gpuProvider ? ' No GPU provider is installed: this runs on the CPU and is very slow.' : ''}
          </div>
        )}
        <div className="field-hint export-note" data-testid="export-options-hint">
          Size, frame rate and engine apply to this export only; the project keeps its own (Inspector).
        </div>
        <label className="export-defaults">
          <input type="checkbox" data-testid="export-as-defaults" checked={asDefaults} disabled={running} onChange={(event) => setAsDefaults(event.target.checked)} />
          Also make this size and frame rate the project's settings
        </label>
        <Field htmlFor="export-path" label="Save to" tooltip="Path of the .mp4 on the computer that runs the studio service">
          <div className="field-control export-path">
            <input id="export-path" data-testid="export-path" value={path} spellCheck={false} disabled={running} onChange={(event) => setPath(event.target.value)} onBlur={() => path.trim() !== '' && setPath(withMp4Extension(path))} />
            <button type="button" className="button" data-testid="export-browse" disabled={running} onClick={() => void browse()}>
              Browse…
            </button>
          </div>
        </Field>
        {browsing && !running && (
          <FileBrowser
            initialFolder={splitPath(path.trim()).folder || null}
            extensions={['.mp4']}
            onFolder={(folder) => setPath((current) => joinPath(folder, splitPath(current.trim()).name || `${projectName}.mp4`))}
            onPick={(picked) => setPath(picked)}
          />
        )}
      </div>
      <ExportStatus />
    </Modal>
  );
}

/** The project's size, frame rate and video engine: where an export's options start. */
function exportOptionsOf(document: ProjectDocument | null): ExportOptions {
  const settings = document?.settings;
  return { outputWidthPx: settings?.outputWidthPx ?? 512, outputHeightPx: settings?.outputHeightPx ?? 512, fps: settings?.fps ?? 30, lmk2video: document?.engines.lmk2video ?? 'builtin' };
}

function ExportStatus() {
  const job = useStudioSelector((s) => s.ephemeral.exportJob);
  switch (job.status) {
    case 'idle':
      return <p className="export-status">The video gets the project's audio (AAC) and its frames (H.264), keyframes included.</p>;
    case 'running':
      return (
        <div className="export-status" data-testid="export-progress-row">
          <ProgressBar fraction={exportFraction(job)} testId="export-progress" label="Export" />
          <div className="export-message" data-testid="export-message" data-percent={Math.round(exportFraction(job) * 100)}>
            {Math.round(exportFraction(job) * 100)}% · {job.message}
          </div>
        </div>
      );
    case 'done':
      return (
        <div className="export-status">
          <p className="export-done" data-testid="export-done">
            Exported {job.frameCount} frames ({job.durationSec.toFixed(2)} s) to <span className="mono">{job.outPath}</span>
          </p>
          <p className="field-hint" data-testid="export-location">
            In the folder <span className="mono">{splitPath(job.outPath).folder}</span> on the computer that runs the studio service, as <span className="mono">{splitPath(job.outPath).name}</span>.{' '}
            <button type="button" className="link-button" data-testid="export-copy-path" onClick={() => void navigator.clipboard?.writeText(job.outPath)}>
              Copy path
            </button>
          </p>
          {job.warnings.map((warning) => (
            <p key={warning} className="field-hint" data-testid="export-warning">
              {warning}
            </p>
          ))}
        </div>
      );
    case 'failed':
      return (
        <p className="export-status inline-error" role="alert" data-testid="export-error">
          {job.message}
        </p>
      );
    case 'missing-folder':
      return (
        <p className="export-status inline-error" role="alert" data-testid="export-missing-folder">
          {job.message} Create it and export?
        </p>
      );
    case 'cancelled':
      return <p className="export-status" data-testid="export-cancelled">Export cancelled; no file was written.</p>;
    default:
      return assertNever(job, 'export job');
  }
}
