import { useSyncExternalStore } from 'react';
import type { StudioState } from './studio-state';
import { INITIAL_STATE } from './studio-state';
import { TypedEmitter } from '../services/typed-emitter';

/** A minimal external store: immutable snapshots, replaced by updater functions. */
export class StudioStore {
  private state: StudioState;
  private readonly changes = new TypedEmitter<StudioState>();

  constructor(initial: StudioState = INITIAL_STATE) {
    this.state = initial;
  }

  readonly getState = (): StudioState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => this.changes.on(listener);

  update(updater: (state: StudioState) => StudioState): void {
    const next = updater(this.state);
    if (next === this.state) return;
    this.state = next;
    this.changes.emit(next);
  }
}

/**
 * Subscribes a component to one slice. The selector must return a value that is stable while
 * the slice is unchanged (a field or sub-object, not a fresh object), or React re-renders forever.
 */
export function useStudioState<T>(store: StudioStore, selector: (state: StudioState) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
