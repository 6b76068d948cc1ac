import { StudioError } from '../../src-shared/util/result.js';

/** Seeds are 32-bit everywhere they are used (seededRandom takes seed >>> 0): 0..2^32-1, each distinct. */
export const MAX_SEED = 2 ** 32 - 1;

const DECIMAL_INTEGER = /^[0-9]+$/;
const DECIMAL_NUMBER = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;

/**
 * A whole number written in plain decimal digits, min..max. Number() would also take "1e3",
 * "0x10", " 7 " or "" (as 0): an option value that is not what it looks like is refused instead.
 */
export function parseDecimalInteger(text: string | undefined, name: string, min: number, max: number): number {
  const value = DECIMAL_INTEGER.test(text ?? '') ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new StudioError('invalid-request', `${name} must be a whole number ${min}..${max} in decimal digits, got ${JSON.stringify(text ?? '')}.`);
  }
  return value;
}

/** A decimal number such as 3.5 or -2 (no exponent, no hex, no blanks). */
export function parseDecimalNumber(text: string, name: string): number {
  const value = DECIMAL_NUMBER.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value)) throw new StudioError('invalid-request', `${name} must be a decimal number such as 3.5, got ${JSON.stringify(text)}.`);
  return value;
}
