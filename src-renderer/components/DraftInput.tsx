import type { KeyboardEvent, ReactNode } from 'react';
import { useState } from 'react';

interface DraftInputProps {
  readonly id: string;
  readonly testId: string;
  readonly value: string;
  readonly type: 'text' | 'number';
  /** Returns an error message for the user, or null when the text was accepted and committed. */
  readonly commit: (text: string) => string | null;
  readonly min?: number;
  readonly max?: number;
  /** Shown after the box (e.g. the value with the generated motion). */
  readonly suffix?: ReactNode;
  readonly disabled?: boolean;
}

/**
 * A text box that edits a draft and commits it on Enter or blur, so half-typed values never
 * reach the document. Escape drops the draft. A rejected value stays, marked, with its message.
 */
export function DraftInput({ id, testId, value, type, commit, min, max, suffix, disabled }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const finish = () => {
    if (draft === null) return;
    const message = draft === value ? null : commit(draft);
    setError(message);
    if (message === null) setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') finish();
    if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
    }
  };

  return (
    <>
      <div className="field-control">
        <input
          id={id}
          data-testid={testId}
          type={type}
          min={min}
          max={max}
          value={draft ?? value}
          disabled={disabled}
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={finish}
          onKeyDown={onKeyDown}
        />
        {suffix}
      </div>
      {error !== null && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </>
  );
}
