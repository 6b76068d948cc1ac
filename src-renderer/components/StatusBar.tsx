import { useStudioSelector } from '../state/studio-context';

/** Bottom line: connection and host, the last message or error, and the project's output format. */
export function StatusBar() {
  const connection = useStudioSelector((s) => s.ephemeral.connection);
  const appInfo = useStudioSelector((s) => s.ephemeral.appInfo);
  const status = useStudioSelector((s) => s.ephemeral.status);
  const busy = useStudioSelector((s) => s.ephemeral.busy);
  const settings = useStudioSelector((s) => s.document?.settings ?? null);

  const hostText = appInfo !== null ? `${appInfo.host} host · v${appInfo.appVersion}` : connection.state === 'closed' ? 'disconnected' : 'connecting…';
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="status-host" title={connection.state === 'closed' ? connection.detail : `Connection: ${connection.state}`}>
        <span className="status-dot" data-state={connection.state} />
        {hostText}
      </span>
      <span className="status-message" data-testid="status-message" data-tone={status.tone} title={status.text}>
        {busy ?? status.text}
      </span>
      {settings !== null && (
        <span className="status-right">
          {settings.outputWidthPx}×{settings.outputHeightPx} · {settings.fps} fps · seed {settings.seed}
        </span>
      )}
    </footer>
  );
}
