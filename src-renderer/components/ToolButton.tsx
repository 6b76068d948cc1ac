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
}

export function ToolButton({ icon, label, tooltip, testId, onClick, disabled = false }: ToolButtonProps) {
  return (
    <button type="button" className="tool-button" data-testid={testId} data-tooltip={tooltip} aria-description={tooltip} onClick={onClick} disabled={disabled}>
      <Icon name={icon} />
      <span>{label}</span>
    </button>
  );
}
