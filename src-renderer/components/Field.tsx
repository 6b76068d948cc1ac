import type { ReactNode } from 'react';

interface FieldProps {
  readonly htmlFor: string;
  readonly label: string;
  readonly unit?: string;
  /** Shown on hover over the label: what the setting does. */
  readonly tooltip?: string;
  readonly children: ReactNode;
}

/** One labelled row of the inspector. */
export function Field({ htmlFor, label, unit, tooltip, children }: FieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor} title={tooltip}>
        {label}
        {unit !== undefined && <span className="field-unit">{unit}</span>}
      </label>
      {children}
    </div>
  );
}
