/**
 * Hands the keyboard back to the timeline after a field is done with it (Enter commits, Escape
 * cancels, a select or slider was changed): Space, Home and the arrows then drive the playhead
 * again instead of typing into the field. The timeline panel is marked `data-focus-home`.
 */
export function focusTimeline(): void {
  const home = document.querySelector<HTMLElement>('[data-focus-home]');
  if (home !== null) home.focus({ preventScroll: true });
  else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}
