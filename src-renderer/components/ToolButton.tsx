import type { IconName } from './Icon';
import { Icon } from './Icon';

interface ToolButtonProps {
  readonly icon: IconName;
  readonly label: string;
  /** Shown after a short hover delay; say what it does and its shortcut. */
  readonly tooltip: string;
  readonly testId: string;
  readonly onClick: () => void;
  readonly disabled?: boolean;
  /** Show only the icon (the label stays the accessible name). */
  readonly iconOnly?: boolean;
  /** For toggles: rendered pressed. */
  readonly pressed?: boolean;
  readonly className?: string;
}

export function ToolButton({ icon, label, tooltip, testId, onClick, disabled = false, iconOnly = false, pressed, className = '' }: ToolButtonProps) {
  return (
    <button
      type="button"
      className={`tool-button ${className}`}
      data-testid={testId}
      data-tooltip={tooltip}
      aria-label={iconOnly ? label : undefined}
      aria-description={tooltip}
      aria-pressed={pressed}
      onClick={onClick}
      // Keep the keyboard focus where it was: Space then plays instead of pressing this button again.
      onMouseDown={(event) => event.preventDefault()}
      disabled={disabled}
    >
      <Icon name={icon} />
      {!iconOnly && <span>{label}</span>}
    </button>
  );
}
