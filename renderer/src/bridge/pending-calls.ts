import { ApiError } from '../../../shared/contract.js';

/** Matches the server's result/error to the call that asked, by id. */
export class PendingCalls {
  readonly #calls = new Map<number, { readonly method: string; resolve(result: unknown): void; reject(error: Error): void }>();
  #nextId = 1;

  get size(): number {
    return this.#calls.size;
  }

  start(method: string): { readonly id: number; readonly result: Promise<unknown> } {
    const id = this.#nextId;
    // Stays within the server's accepted id range however long the view runs.
    this.#nextId = this.#nextId >= 2 ** 31 ? 1 : this.#nextId + 1;
    const result = new Promise<unknown>((resolve, reject) => {
      this.#calls.set(id, { method, resolve, reject });
    });
    return { id, result };
  }

  /** False when no call has this id: a late reply after a reconnect, or a confused server. */
  resolve(id: number, result: unknown): boolean {
    const call = this.#take(id);
    call?.resolve(result);
    return call !== undefined;
  }

  reject(id: number, message: string): boolean {
    const call = this.#take(id);
    call?.reject(new ApiError(message));
    return call !== undefined;
  }

  rejectAll(reason: string): void {
    const calls = [...this.#calls.values()];
    this.#calls.clear();
    for (const call of calls) call.reject(new ApiError(`${call.method}: ${reason}`));
  }

  #take(id: number) {
    const call = this.#calls.get(id);
    this.#calls.delete(id);
    return call;
  }
}
