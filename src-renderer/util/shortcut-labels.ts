/** Cmd on macOS, Ctrl elsewhere, for tooltips. */
export const MOD = typeof navigator !== 'undefined' && navigator.userAgent.includes('Mac') ? '⌘' : 'Ctrl+';
