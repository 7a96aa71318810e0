import { z } from 'zod';

/**
 * What a second launch hands the running instance (Electron's
 * requestSingleInstanceLock additionalData). The second process resolves the
 * project against its own working directory, which the first cannot know
 * reliably; its raw argv is not used, because Chromium adds switches to it.
 */
export interface SecondInstanceRequest {
  readonly tidewatch: 1;
  /** An absolute path, or null for "just bring the app forward". */
  readonly project: string | null;
}

export type SecondInstanceAction =
  | { readonly type: 'focus' }
  | { readonly type: 'open-project'; readonly file: string }
  | { readonly type: 'refuse-project'; readonly file: string; readonly reason: string };

const requestSchema = z.strictObject({ tidewatch: z.literal(1), project: z.string().min(1).max(4096).nullable() });

export function secondInstanceRequest(project: string | null): SecondInstanceRequest {
  return { tidewatch: 1, project };
}

/**
 * The running instance always comes to the front. It opens the project handed
 * over unless the station is locked in kiosk mode: changing what a locked
 * operator station shows takes an engineer, not a double-click. Data from
 * another process is parsed, not trusted.
 */
export function decideSecondInstance(data: unknown, state: { readonly kioskLocked: boolean; readonly currentProject: string | null }): SecondInstanceAction {
  const parsed = requestSchema.safeParse(data);
  if (!parsed.success || parsed.data.project === null || parsed.data.project === state.currentProject) return { type: 'focus' };
  const file = parsed.data.project;
  if (state.kioskLocked) return { type: 'refuse-project', file, reason: 'the station is locked in kiosk mode; an engineer must unlock it to open another project' };
  return { type: 'open-project', file };
}
