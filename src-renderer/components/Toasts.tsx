import { useEffect } from 'react';
import type { Toast } from '../state/studio-state';
import { useStudio, useStudioSelector } from '../state/studio-context';

/** Errors stay long enough to be read; info disappears sooner. */
const TOAST_LIFETIME_MS = { info: 4000, error: 12000 } as const;

export function Toasts() {
  const toasts = useStudioSelector((s) => s.ephemeral.toasts);
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <ToastItem key={toast.id} toast={toast} />
      ))}
    </div>
  );
}

function ToastItem({ toast }: { readonly toast: Toast }) {
  const { notifier } = useStudio();
  useEffect(() => {
    const timer = window.setTimeout(() => notifier.dismissToast(toast.id), TOAST_LIFETIME_MS[toast.tone]);
    return () => window.clearTimeout(timer);
  }, [notifier, toast]);
  return (
    <div className="toast" data-testid="toast" data-tone={toast.tone} role={toast.tone === 'error' ? 'alert' : 'status'} style={{ animationDuration: `${TOAST_LIFETIME_MS[toast.tone]}ms` }}>
      <span className="toast-text">{toast.text}</span>
      {toast.count > 1 && (
        <span className="toast-count" data-testid="toast-count">
          ×{toast.count}
        </span>
      )}
      <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => notifier.dismissToast(toast.id)}>
        ×
      </button>
    </div>
  );
}
