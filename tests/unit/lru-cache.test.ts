import { describe, expect, it } from 'vitest';
import { LruCache } from '../../src-shared/util/lru-cache.js';

describe('LruCache', () => {
  it('evicts the least recently used entries once their count passes the capacity', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect([cache.get('a'), cache.get('c'), cache.size]).toEqual([1, 3, 2]);
  });

  it('keeps the total cost within the capacity, counting a replaced entry once', () => {
    const cache = new LruCache<string, Uint8Array>(10, (bytes) => bytes.byteLength);
    cache.set('a', new Uint8Array(4));
    cache.set('b', new Uint8Array(4));
    cache.set('a', new Uint8Array(5)); // replaces a's 4 bytes: 9 in all
    expect(cache.size).toBe(2);
    cache.set('c', new Uint8Array(3)); // 12: b, the oldest, goes
    expect([cache.get('b'), cache.get('a')?.byteLength, cache.get('c')?.byteLength]).toEqual([undefined, 5, 3]);
    cache.set('huge', new Uint8Array(11)); // larger than the whole budget: not kept, and evicts nothing
    expect([cache.get('huge'), cache.size]).toEqual([undefined, 2]);
    cache.set('a', new Uint8Array(11)); // nor does a too large value under a key already there
    expect([cache.get('a'), cache.get('c')?.byteLength, cache.size]).toEqual([undefined, 3, 1]);
  });
});
