/**
 * A least-recently-used cache whose entries' costs add up to at most `capacity` (each entry costs 1
 * unless `cost` says otherwise, e.g. its size in bytes). Map keeps insertion order, oldest first.
 * A value that alone costs more than the capacity is not kept (its key is forgotten) and evicts
 * nothing else.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly cost: (value: V) => number = () => 1,
  ) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.total -= this.cost(old);
    }
    const cost = this.cost(value);
    if (cost > this.capacity) return;
    this.entries.set(key, value);
    this.total += cost;
    for (const [oldKey, oldValue] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(oldKey);
      this.total -= this.cost(oldValue);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
