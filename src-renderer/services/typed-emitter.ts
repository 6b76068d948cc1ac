/** A listener list whose `on()` returns its own unsubscribe function (wavesurfer.js style). */
export class TypedEmitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(listener: (value: T) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  emit(value: T): void {
    // Copy first so a listener that unsubscribes itself does not skip the next one.
    for (const listener of [...this.listeners]) listener(value);
  }
}
