import { Modal } from './Modal';

interface ConfirmDiscardDialogProps {
  readonly projectName: string;
  readonly onSave: () => void;
  readonly onDiscard: () => void;
  readonly onCancel: () => void;
}

/** Before New or Open over unsaved changes: Save (then go on), Don't save, Cancel. */
export function ConfirmDiscardDialog({ projectName, onSave, onDiscard, onCancel }: ConfirmDiscardDialogProps) {
  return (
    <Modal
      title="Unsaved changes"
      testId="confirm-dialog"
      onCancel={onCancel}
      footer={
        <>
          <button type="button" className="button danger" data-testid="confirm-discard" onClick={onDiscard}>
            Don't save
          </button>
          <button type="button" className="button" data-testid="confirm-cancel" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className="button primary" data-testid="confirm-save" onClick={onSave} autoFocus>
            Save
          </button>
        </>
      }
    >
      <p>Save the changes to “{projectName}” first?</p>
    </Modal>
  );
}
