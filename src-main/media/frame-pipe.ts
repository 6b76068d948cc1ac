import type { Writable } from 'node:stream';

/**
 * Writes fixed-size frames to a child's stdin from a small pool of reused buffers: a buffer goes
 * back to the pool when the OS has taken its bytes, so a long export allocates nothing per frame
 * (a fresh 0.4-1 MB Buffer per frame kept the garbage collector busy). Waits when the pipe is
 * full or every buffer is in flight; fails when `stopped` settles first (the child exited).
 */
export class FramePipe {
  private readonly free: Buffer[];
  private wakeUp: (() => void) | undefined;
  private failure: Error | undefined;

  constructor(
    private readonly stdin: Writable,
    private readonly frameBytes: number,
    private readonly stopped: Promise<unknown>,
    slots = 4,
  ) {
    this.free = Array.from({ length: slots }, () => Buffer.allocUnsafe(frameBytes));
    // A child that dies mid-write reports EPIPE here; its exit is reported by `stopped`.
    stdin.on('error', (error) => this.fail(error));
    stopped.then(
      () => this.fail(new Error('ffmpeg stopped reading frames')),
      (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
    );
    stdin.on('drain', () => this.wake());
  }

  /** Queues one frame (copied); resolves when there is room for the next. */
  async write(frame: Uint8Array): Promise<void> {
    if (frame.byteLength !== this.frameBytes) throw new Error(`a frame has ${frame.byteLength} bytes, not ${this.frameBytes}`);
    while (this.free.length === 0 || this.stdin.writableNeedDrain) await this.waitForRoom();
    const buffer = this.free.pop()!;
    buffer.set(frame);
    this.stdin.write(buffer, () => {
      this.free.push(buffer);
      this.wake();
    });
  }

  end(): void {
    this.stdin.end();
  }

  private waitForRoom(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.wakeUp = () => (this.failure ? reject(this.failure) : resolve());
    });
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = undefined;
    wakeUp?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }
}
