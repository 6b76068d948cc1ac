import { useStudio, useStudioSelector } from '../state/studio-context';
import { ProgressBar } from './ProgressBar';
import { saveStateText } from '../state/studio-state';
import { formatClockTime } from '../util/format';

/** Bottom line: connection and host, the last message or a running job, and the project's output format. */
export function StatusBar() {
  const { generation, notifier } = useStudio();
  const saveState = useStudioSelector((s) => saveStateText(s, formatClockTime));
  const lastError = useStudioSelector((s) => s.ephemeral.lastError);
  const connection = useStudioSelector((s) => s.ephemeral.connection);
  const appInfo = useStudioSelector((s) => s.ephemeral.appInfo);
  const status = useStudioSelector((s) => s.ephemeral.status);
  const busy = useStudioSelector((s) => s.ephemeral.busy);
  const settings = useStudioSelector((s) => s.document?.settings ?? null);
  const job = useStudioSelector((s) => s.ephemeral.generation);
  const generated = useStudioSelector((s) => s.ephemeral.generated);

  const hostText = appInfo !== null ? `${appInfo.host} host · v${appInfo.appVersion}` : connection.state === 'closed' ? 'disconnected' : 'connecting…';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-host" title={connection.state === 'closed' ? connection.detail : `Connection: ${connection.state}`}>
        <span className="status-dot" data-state={connection.state} />
        {hostText}
      </span>
      {job.status === 'running' ? (
        <span className="status-job" data-testid="generate-job">
          <ProgressBar fraction={job.fraction} testId="generate-progress" label="Track generation" />
          <button type="button" className="status-cancel" data-testid="generate-cancel" title="Stop generating the track" onClick={() => generation.cancel()}>
            Cancel
          </button>
          <span>Generating: {job.message}</span>
        </span>
      ) : null}
      <span className="status-message" data-testid="status-message" data-tone={status.tone} title={status.text}>
        {busy ?? status.text}
      </span>
      {lastError !== null && (lastError.text !== status.text || busy !== null) && (
        <span className="status-last-error" data-testid="status-last-error" role="status" title={`${formatClockTime(lastError.atIso)}: ${lastError.text}`}>
          <span className="status-last-error-text">Last error ({formatClockTime(lastError.atIso)}): {lastError.text}</span>
          <button type="button" className="status-cancel" aria-label="Dismiss the last error" onClick={() => notifier.dismissLastError()}>
            ×
          </button>
        </span>
      )}
      {saveState !== '' && (
        <span className="status-right" data-testid="status-save-state">
          {saveState}
        </span>
      )}
      {generated !== null && (
        <span className="status-right" data-testid="status-track" title="The generated landmark track">
          track {generated.track.frameCount} frames
        </span>
      )}
      {settings !== null && (
        <span className="status-right">
          {settings.outputWidthPx}×{settings.outputHeightPx} · {settings.fps} fps · seed {settings.seed}
        </span>
      )}
    </footer>
  );
}
