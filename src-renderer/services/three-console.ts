import { setConsoleFunction } from 'three';

/**
 * three r183 deprecated THREE.Clock, and @react-three/fiber (9.8, its newest release) still makes
 * one in every Canvas's store, so each load would warn about R3F's internals, not the studio's code
 * (the studio uses no Clock). That one message is left out; every other three message reaches the
 * console as three writes it. Remove this once R3F moves to THREE.Timer.
 */
export const R3F_CLOCK_DEPRECATION = 'THREE.Clock: This module has been deprecated. Please use THREE.Timer instead.';

type Level = 'log' | 'warn' | 'error';

interface StackTrace {
  readonly isStackTrace: true;
  getError(message: string): Error;
}

function isStackTrace(value: unknown): value is StackTrace {
  return typeof value === 'object' && value !== null && (value as { isStackTrace?: unknown }).isStackTrace === true;
}

setConsoleFunction((level: Level, message: string, ...params: unknown[]) => {
  if (level === 'warn' && message === R3F_CLOCK_DEPRECATION) return;
  const [first] = params;
  if (level !== 'log' && isStackTrace(first)) console[level](first.getError(message));
  else console[level](message, ...params);
});
