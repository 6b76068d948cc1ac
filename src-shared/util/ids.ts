/** Branded ids: a KeyframeId cannot be passed where a LayerId is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type ProjectId = Brand<string, 'ProjectId'>;
export type AssetId = Brand<string, 'AssetId'>;
export type LayerId = Brand<string, 'LayerId'>;
export type KeyframeId = Brand<string, 'KeyframeId'>;
export type MarkerId = Brand<string, 'MarkerId'>;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of `length` base-36 characters, from the given source of [0, 1) numbers. */
export function randomId<T extends string>(prefix: string, random: () => number = Math.random, length = 12): T {
  let id = `${prefix}_`;
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
  return id as T;
}
