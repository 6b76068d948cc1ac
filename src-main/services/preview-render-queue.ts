import { setImmediate as nextTurn } from 'node:timers/promises';
import { StudioError } from '../../src-shared/util/result.js';

/**
 * Runs preview renders one at a time, in the order they were asked for, each in its own turn of
 * the event loop. A warp render is synchronous (milliseconds of CPU): when a draft and the full
 * frame behind it arrive together, the draft's answer must be on the socket before the full
 * render starts, not after it (without this the draft waited for the full render, the main tail
 * of the scrub's first paint). A render whose caller gave up (its signal aborted: the preview
 * moved on to another frame) is dropped before it starts and answers `cancelled`.
 */
export class PreviewRenderQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(render: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const turn = this.tail.then(async () => {
      // The previous render's answer (and any message that arrived meanwhile) goes first.
      await nextTurn();
      if (signal?.aborted === true) throw new StudioError('cancelled', 'The preview moved on to another frame before this one was rendered.');
      return render();
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }
}
