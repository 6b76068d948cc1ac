import type { ReactNode } from 'react';

interface PanelProps {
  readonly title: string;
  /** Right-aligned header text (sizes, timecode). */
  readonly info?: ReactNode;
  readonly className?: string;
  readonly bodyClassName?: string;
  readonly testId?: string;
  /** Where the keyboard goes when a field is done with it (util/focus-home.ts). */
  readonly focusHome?: boolean;
  readonly children: ReactNode;
}

/** A titled region of the workspace, like a Blender editor or a Resolve panel. */
export function Panel({ title, info, className = '', bodyClassName = '', testId, focusHome = false, children }: PanelProps) {
  return (
    <section className={`panel ${className}`} aria-label={title} data-testid={testId} {...(focusHome ? { tabIndex: -1, 'data-focus-home': true } : {})}>
      <header className="panel-header">
        <span className="panel-title">{title}</span>
        {info !== undefined && <span className="panel-header-info">{info}</span>}
      </header>
      <div className={`panel-body ${bodyClassName}`}>{children}</div>
    </section>
  );
}
