/**
 * Expected failures travel as values, never as thrown errors: Electron only forwards `message`
 * of a thrown error, and a WebSocket has no error channel at all.
 */

/** Every failure a user or a host can act upon. Unexpected ones are `internal`. */
export const ERROR_CODES = [
  'invalid-request',
  'forbidden',
  'not-found',
  /** The folder a file is to be written in does not exist: the UI offers to create it (createFolders). */
  'missing-folder',
  'already-exists',
  'malformed-project',
  'truncated-project',
  'newer-version',
  'unsupported-media',
  'invalid-model',
  'too-large',
  'permission-denied',
  'disk-full',
  'io-error',
  'no-native-dialog',
  'cancelled',
  'unavailable',
  /** A preview asked for a document revision the services no longer hold: send the document again. */
  'stale-revision',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface StudioErrorInfo {
  readonly code: ErrorCode;
  /** One or two sentences for the user: what was wrong with which input, and what to do. */
  readonly message: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: StudioErrorInfo };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string): Result<T> {
  return { ok: false, error: { code, message } };
}

/** Thrown inside services for expected failures; the router turns it into a `Result`. */
export class StudioError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
  }
}
