/**
 * Polls until the condition holds. The limit is a safety net against a hung
 * test, not an assertion about speed: it is generous for a noisy shared machine.
 */
type Probed<T> = T | undefined | null | false;

/** `pollMs` is for benchmarks that time the wait: a test has no use for a finer step. */
export async function waitFor<T>(what: string, probe: () => Probed<T> | Promise<Probed<T>>, limitMs = 30_000, pollMs = 50): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
