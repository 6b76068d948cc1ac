/** A thin determinate progress bar; `fraction` in 0..1. */
export function ProgressBar({ fraction, testId, label }: { readonly fraction: number; readonly testId: string; readonly label: string }) {
  const percent = Math.round(Math.min(1, Math.max(0, fraction)) * 100);
  return (
    <span className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} data-testid={testId}>
      <span className="progress-fill" style={{ width: `${percent}%` }} />
    </span>
  );
}
