import type { StudioErrorInfo } from '../../src-shared/util/result';
import type { StudioStore } from './studio-store';
import * as update from './store-updates';

/** What the user is told: the status line, error toasts, and the busy indicator of long calls. */
export class Notifier {
  constructor(private readonly store: StudioStore) {}

  info(text: string): void {
    this.store.update((s) => update.setStatus(s, 'info', text));
  }

  /** An outcome worth a glance (saved, exported, recovered): the status line and a toast that fades. */
  announce(text: string): void {
    this.store.update((s) => update.addToast(s, 'info', text));
  }

  dismissLastError(): void {
    this.store.update(update.clearLastError);
  }

  /** A failed action (a call, or something found while drawing): a toast, except for a cancelled dialog or a connection the banner already explains. */
  fail(action: string, error: StudioErrorInfo): void {
    // Cancelling a dialog is the user's choice, not something to alarm them about.
    if (error.code === 'cancelled') this.store.update((s) => update.setStatus(s, 'info', `${action}: cancelled`));
    // With the connection gone the banner already explains; a toast per call would only repeat it.
    else if (error.code === 'unavailable' && this.store.getState().ephemeral.connection.state === 'closed') {
      this.store.update((s) => update.setStatus(s, 'error', `${action} failed: not connected to the studio service`));
    } else this.store.update((s) => update.addToast(s, 'error', `${action} failed: ${error.message}`));
  }

  dismissToast(id: number): void {
    this.store.update((s) => update.removeToast(s, id));
  }

  /** Runs `work` with `label` shown as what the studio is busy with. */
  async busy<T>(label: string, work: () => Promise<T>): Promise<T> {
    this.store.update((s) => update.setBusy(s, label));
    try {
      return await work();
    } finally {
      this.store.update((s) => update.setBusy(s, null));
    }
  }
}
