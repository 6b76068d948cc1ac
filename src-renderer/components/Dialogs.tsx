import { useCallback } from 'react';
import { assertNever } from '../../src-shared/util/assert-never';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { ConfirmDiscardDialog } from './ConfirmDiscardDialog';
import { ExportDialog } from './ExportDialog';
import { PathDialog } from './PathDialog';

/** The one modal dialog that the state asks for, if any. */
export function Dialogs() {
  const { view, files } = useStudio();
  const dialog = useStudioSelector((s) => s.ephemeral.dialog);
  const projectName = useStudioSelector((s) => s.document?.name ?? '');
  const close = useCallback(() => view.closeDialog(), [view]);
  if (dialog === null) return null;

  switch (dialog.kind) {
    case 'open-path':
      return <PathDialog mode="open" initialPath={dialog.recent[0]?.path ?? ''} recent={dialog.recent} onCancel={close} onConfirm={(path) => void files.openPath(path)} />;
    case 'save-path':
      return <PathDialog mode="save" initialPath={dialog.initialPath} recent={[]} onCancel={close} onConfirm={(path) => void files.saveTo(path)} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog projectName={projectName} onCancel={close} onDiscard={() => files.confirmDiscard(dialog.next)} />;
    case 'export':
      return <ExportDialog initialPath={dialog.initialPath} />;
    default:
      return assertNever(dialog, 'dialog');
  }
}
