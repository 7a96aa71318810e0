/**
 * Waits for a promise at most `ms`, then gives up on it; never rejects.
 * For goodbyes to a server (DeleteSubscriptions, CloseSession): node-opcua
 * parks requests while it reconnects, so a goodbye to a dead server would
 * otherwise hold a shutdown for as long as the server stays away.
 * Resolves true if the promise settled in time.
 */
export function settleWithin(ms: number, work: Promise<unknown> | undefined): Promise<boolean> {
  if (!work) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    work.then(done, done);
  });
}
