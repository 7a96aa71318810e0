/**
 * Runs tasks one after another. Password checks go through one: each costs
 * 128 MiB for half a second, so a burst of logins waits its turn instead of
 * exhausting memory, and a throttle decision sees every earlier failure.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
