import { useCallback } from 'react';
import { assertNever } from '../../src-shared/util/assert-never';
import { useStudio, useStudioSelector } from '../state/studio-context';
import { ConfirmDiscardDialog } from './ConfirmDiscardDialog';
import { ExportDialog } from './ExportDialog';
import { PathDialog } from './PathDialog';
import { RecoverUntitledDialog } from './RecoverUntitledDialog';
import { ShortcutsDialog } from './ShortcutsDialog';

/** The one modal dialog that the state asks for, if any. */
export function Dialogs() {
  const { view, files } = useStudio();
  const dialog = useStudioSelector((s) => s.ephemeral.dialog);
  const projectName = useStudioSelector((s) => s.document?.name ?? '');
  const close = useCallback(() => view.closeDialog(), [view]);
  if (dialog === null) return null;

  switch (dialog.kind) {
    case 'open-path':
      return <PathDialog mode="open" initialPath={dialog.recent[0]?.path ?? ''} recent={dialog.recent} untitled={dialog.untitled} missingFolder={null} onCancel={close} onConfirm={(path) => void files.openPath(path)} />;
    case 'save-path':
      return <PathDialog key={`${dialog.initialPath}-${dialog.missingFolder ?? ''}`} mode="save" initialPath={dialog.initialPath} recent={[]} untitled={[]} missingFolder={dialog.missingFolder} onCancel={close} onConfirm={(path, createFolders) => void files.saveTo(path, createFolders)} />;
    case 'confirm-discard':
      return <ConfirmDiscardDialog projectName={projectName} onCancel={close} onSave={() => void files.saveThen(dialog.next)} onDiscard={() => files.confirmDiscard(dialog.next)} />;
    case 'recover-untitled':
      return <RecoverUntitledDialog entries={dialog.entries} onClose={close} />;
    case 'shortcuts':
      return <ShortcutsDialog onClose={close} />;
    case 'export':
      return <ExportDialog initialPath={dialog.initialPath} />;
    default:
      return assertNever(dialog, 'dialog');
  }
}
