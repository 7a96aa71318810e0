/** A page is reloaded after a crash at most this often; more means the crash is in the page, not a blip. */
export const CRASH_RELOADS = 3;
export const CRASH_WINDOW_MS = 60_000;

export interface CrashReloadDecision {
  readonly reload: boolean;
  /** The crash times still counted, this one included: what to remember for the next. */
  readonly recent: readonly number[];
}

/**
 * Whether a crashed window's page is reloaded by itself. A page that crashes
 * on every load (a bad display, a GPU driver) would otherwise reload in a
 * tight loop, burning the CPU the core needs and flashing at the operator;
 * past the budget the shell stops and asks instead.
 */
export function crashReloadDecision(previous: readonly number[], now: number): CrashReloadDecision {
  const recent = [...previous.filter((time) => now - time < CRASH_WINDOW_MS), now];
  return { reload: recent.length <= CRASH_RELOADS, recent };
}
