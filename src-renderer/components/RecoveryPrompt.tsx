import { useStudio, useStudioSelector } from '../state/studio-context';
import { formatLocalTime } from '../util/format';

/** Offers an autosave that is newer than the project file the user just opened. */
export function RecoveryPrompt() {
  const { files } = useStudio();
  const recovery = useStudioSelector((s) => s.ephemeral.recovery);
  if (recovery === null) return null;
  return (
    <div className="recovery-prompt" role="alertdialog" aria-label="Unsaved changes found" data-testid="recovery-prompt">
      <span>Restore unsaved changes from {formatLocalTime(recovery.savedAt)}?</span>
      <button type="button" className="button primary" data-testid="recovery-restore" onClick={() => files.restoreRecovery()}>
        Restore
      </button>
      <button type="button" className="button" data-testid="recovery-discard" onClick={() => void files.discardRecovery()}>
        Discard
      </button>
    </div>
  );
}
