import type { Unsubscribe } from '../../../shared/contract.js';

/** One listener's exception must not starve the others of an event or a frame. */
export class ListenerSet<T> {
  readonly #listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): Unsubscribe {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of this.#listeners) {
      try {
        listener(value);
      } catch (error) {
        console.error('Tidewatch: a listener threw', error);
      }
    }
  }

  clear(): void {
    this.#listeners.clear();
  }
}
