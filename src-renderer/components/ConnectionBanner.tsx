import { useStudioSelector } from '../state/studio-context';
import { Icon } from './Icon';

/** Shown when the web host's WebSocket is refused or lost: nothing works until the page reloads. */
export function ConnectionBanner() {
  const connection = useStudioSelector((s) => s.ephemeral.connection);
  if (connection.state !== 'closed') return null;
  return (
    <div className="connection-banner" role="alert" data-testid="connection-banner">
      <Icon name="warning" />
      <span>
        <strong>Not connected to the studio service.</strong> {connection.detail}
      </span>
      <button type="button" className="tool-button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
