import type { ReactNode } from 'react';
import { useEffect } from 'react';

interface ModalProps {
  readonly title: string;
  readonly testId: string;
  readonly onCancel: () => void;
  readonly footer: ReactNode;
  readonly children: ReactNode;
  /** A larger dialog (file browser, shortcut list). */
  readonly wide?: boolean;
}

/** A centred dialog over a dimmed studio; Escape or a click outside cancels it. */
export function Modal({ title, testId, onCancel, footer, children, wide = false }: ModalProps) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onCancel]);

  return (
    <div className="modal-backdrop" onPointerDown={(event) => event.target === event.currentTarget && onCancel()}>
      <div className={wide ? 'modal modal-wide' : 'modal'} role="dialog" aria-modal="true" aria-label={title} data-testid={testId}>
        <h2 className="modal-title">{title}</h2>
        <div className="modal-body">{children}</div>
        <div className="modal-footer">{footer}</div>
      </div>
    </div>
  );
}
