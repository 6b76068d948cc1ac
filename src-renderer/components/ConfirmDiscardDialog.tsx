import { Modal } from './Modal';

interface ConfirmDiscardDialogProps {
  readonly projectName: string;
  readonly onDiscard: () => void;
  readonly onCancel: () => void;
}

export function ConfirmDiscardDialog({ projectName, onDiscard, onCancel }: ConfirmDiscardDialogProps) {
  return (
    <Modal
      title="Unsaved changes"
      testId="confirm-dialog"
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button" data-testid="confirm-cancel" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="button danger" data-testid="confirm-discard" onClick={onDiscard}>
            Discard changes
          </button>
        </>
      }
    >
      <p>“{projectName}” has changes that are not saved. Discard them?</p>
    </Modal>
  );
}
