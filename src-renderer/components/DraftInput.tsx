import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef, useState } from 'react';
import { focusTimeline } from '../util/focus-home';

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
  /** Told whenever the shown error changes (a rejected draft, or none): a form can hold its submit back. */
  readonly onErrorChange?: (error: string | null) => void;
}

/**
 * A text box that edits a draft and commits it on Enter or blur, so half-typed values never
 * reach the document. Escape drops the draft. A rejected value stays, marked, with its message.
 */
export function DraftInput({ id, testId, value, type, commit, min, max, suffix, disabled, onErrorChange }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => onErrorChange?.(error), [error, onErrorChange]);
  /** Set by Escape: the blur that follows must not commit the dropped draft. */
  const dropped = useRef(false);

  /** True when the draft was committed (or there was none); a rejected one stays, marked. */
  const finish = (): boolean => {
    if (dropped.current) {
      dropped.current = false;
      return true;
    }
    if (draft === null) return true;
    const message = draft === value ? null : commit(draft);
    setError(message);
    if (message === null) setDraft(null);
    return message === null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Enter commits and Escape cancels; both hand the keyboard back to the timeline, so Space,
    // Home and the arrows drive the playhead instead of typing here. A rejected value keeps focus.
    if (event.key === 'Enter') {
      if (finish()) focusTimeline();
    } else if (event.key === 'Escape') {
      // The studio's Escape (clear the selection) and a dialog's (close it) are not this one.
      event.stopPropagation();
      event.nativeEvent.stopImmediatePropagation();
      setDraft(null);
      setError(null);
      dropped.current = true;
      focusTimeline();
      dropped.current = false;
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
