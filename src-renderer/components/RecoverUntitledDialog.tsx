import type { UntitledRecovery } from '../../src-shared/ipc/contract';
import { Modal } from './Modal';
import { UntitledList } from './UntitledList';

/** On start: untitled work a reload or a crash took away, offered back. */
export function RecoverUntitledDialog({ entries, onClose }: { readonly entries: readonly UntitledRecovery[]; readonly onClose: () => void }) {
  return (
    <Modal
      title="Recover unsaved work"
      testId="recover-dialog"
      onCancel={onClose}
      footer={
        <button type="button" className="button" data-testid="recover-later" onClick={onClose} autoFocus>
          Not now
        </button>
      }
    >
      <p>These untitled projects were never saved; their autosaves are still here. Recover one to go on with it, or discard it. They stay available in Open.</p>
      <UntitledList entries={entries} />
    </Modal>
  );
}
