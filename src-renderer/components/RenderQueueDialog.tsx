import { useEffect, useState } from 'react';
import type { FarmJobView } from '../../src-shared/farm/farm-job-view';
import type { QueueSettings } from '../../src-shared/ipc/contract';
import { useQueueWatch } from '../hooks/use-queue-watch';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { Modal } from './Modal';
import { QueueResult } from './QueueResult';
import { StorageFolderField } from './StorageFolderField';

/**
 * The render queue: send the open project to the local queue or a farm (Redis URL and shared
 * storage in its settings), and follow every job as the services push it: state, progress, ETA,
 * attempts; cancel, retry, show the result (Electron: in the file manager; the web host: its path,
 * and the video to play or download). The jobs live in Redis, so they are still here after the
 * studio restarts.
 */
export function RenderQueueDialog({ onClose }: { readonly onClose: () => void }) {
  const { studio } = useStudio();
  const workDir = useStudioSelector((s) => s.session.workDir);
  const document = useStudioSelector((s) => s.document);
  const host = useStudioSelector((s) => s.ephemeral.appInfo?.host ?? null);
  const [settings, setSettings] = useState<QueueSettings | null>(null);
  const [draft, setDraft] = useState<QueueSettings | null>(null);
  // A new watch after new settings (another Redis).
  const [generation, setGeneration] = useState(0);
  const { jobs, workers, error: watchError, refresh } = useQueueWatch(settings !== null, generation);
  const [outName, setOutName] = useState(() => `${(document?.name ?? '').replace(/[^\w .,()+=-]/g, '_') || 'talk'}.mp4`);
  const [error, setError] = useState<string | null>(null);
  const [shownJob, setShownJob] = useState<string | null>(null);

  useEffect(() => {
    void studio.queue.settings({}).then((result) => {
      if (result.ok) {
        setSettings(result.value);
        setDraft(result.value);
      } else setError(result.error.message);
    });
  }, [studio]);

  const saveSettings = async () => {
    if (draft === null) return;
    const result = await studio.queue.setSettings(draft);
    if (result.ok) {
      setSettings(result.value);
      setDraft(result.value);
      setGeneration((g) => g + 1);
      setError(null);
    } else setError(result.error.message);
  };

  const send = async () => {
    if (workDir === null || document === null) return;
    const result = await studio.queue.submit({ workDir, document, outName: outName.trim() });
    if (result.ok) await refresh();
    else setError(result.error.message);
  };

  const act = async (action: 'cancel' | 'retry', job: FarmJobView) => {
    const result = action === 'cancel' ? await studio.queue.cancel({ jobId: job.id }) : await studio.queue.retry({ jobId: job.id });
    if (!result.ok) setError(result.error.message);
    await refresh();
  };

  const show = async (job: FarmJobView) => {
    if (host !== 'electron') {
      setShownJob(shownJob === job.id ? null : job.id);
      return;
    }
    const result = await studio.shell.reveal({ path: job.outputLocation });
    if (!result.ok) setError(result.error.message);
  };

  const dirty = draft !== null && settings !== null && JSON.stringify(draft) !== JSON.stringify(settings);
  return (
    <Modal
      title="Render queue"
      testId="render-queue"
      wide
      onCancel={onClose}
      footer={
        <button type="button" className="button" data-testid="queue-close" onClick={onClose}>
          Close
        </button>
      }
    >
      {draft !== null && (
        <fieldset className="queue-settings" data-testid="queue-settings">
          <label className="field">
            <span className="field-label">Redis URL</span>
            <input data-testid="queue-redis" value={draft.redisUrl} onChange={(e) => setDraft({ ...draft, redisUrl: e.target.value })} />
          </label>
          <StorageFolderField value={draft.storageDir} onChange={(storageDir) => setDraft({ ...draft, storageDir })} />
          <label className="field">
            <span className="field-label">Local worker</span>
            <input type="checkbox" data-testid="queue-local-worker" checked={draft.localWorker} onChange={(e) => setDraft({ ...draft, localWorker: e.target.checked })} />
          </label>
          <button type="button" className="button" data-testid="queue-save-settings" disabled={!dirty} onClick={() => void saveSettings()}>
            Apply settings
          </button>
        </fieldset>
      )}
      <div className="queue-send">
        <input className="modal-input" data-testid="queue-out-name" aria-label="Output file name" value={outName} onChange={(e) => setOutName(e.target.value)} />
        <button type="button" className="button primary" data-testid="queue-send" disabled={workDir === null || document === null || outName.trim() === '' || settings === null} onClick={() => void send()}>
          Send project
        </button>
      </div>
      {(error ?? watchError) !== null && (
        <p className="field-error" role="alert" data-testid="queue-error">
          {error ?? watchError}
        </p>
      )}
      <p className="queue-workers" data-testid="queue-workers">
        {workers.length} worker(s){workers.length > 0 ? `: ${workers.map((w) => w.name).join(', ')}` : ''}
      </p>
      <table className="queue-jobs" data-testid="queue-jobs">
        <tbody>
          {jobs.map((job) => [
            <tr key={job.id} data-testid="queue-job" data-job-id={job.id} data-state={job.state}>
              <td>{job.title}</td>
              <td>{job.outName}</td>
              <td data-testid="queue-job-state">{job.state}</td>
              <td>{job.state === 'completed' ? '100%' : job.progress ? `${Math.round(job.progress.fraction * 100)}%` : ''}{job.etaSec !== null && job.state === 'active' ? `, ${job.etaSec} s left` : ''}</td>
              <td title={job.failedReason ?? ''}>{job.state === 'failed' ? job.failedReason : `attempt ${job.attemptsStarted}${job.stalledCount > 0 ? `, taken over ${job.stalledCount}x` : ''}`}</td>
              <td>
                {(job.state === 'active' || job.state === 'waiting' || job.state === 'prioritized' || job.state === 'delayed') && (
                  <button type="button" className="button" data-testid="queue-job-cancel" onClick={() => void act('cancel', job)}>
                    Cancel
                  </button>
                )}
                {(job.state === 'failed' || job.state === 'completed') && (
                  <button type="button" className="button" data-testid="queue-job-retry" onClick={() => void act('retry', job)}>
                    Retry
                  </button>
                )}
                {job.state === 'completed' && (
                  <button type="button" className="button" data-testid="queue-job-open" title={job.outputLocation} onClick={() => void show(job)}>
                    Show
                  </button>
                )}
              </td>
            </tr>,
            shownJob === job.id && job.state === 'completed' ? (
              <tr key={`${job.id}-result`}>
                <td colSpan={6}>
                  <QueueResult job={job} />
                </td>
              </tr>
            ) : null,
          ])}
        </tbody>
      </table>
    </Modal>
  );
}
