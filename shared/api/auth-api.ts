import { z } from 'zod';
import type { WriteTagResult } from './live-api.js';
import { ROLE_NAMES, type Principal, type RoleName } from './auth-permissions.js';

// Users, sessions and the operator-action checks. Every renderer session has
// its own logged-in user in main; main enforces, the renderer only hides.

export interface AuthState {
  /** No administrator exists yet: everything else waits for the first-run setup. */
  readonly setupRequired: boolean;
  /** null: nobody logged in, and this session is a read-only view. */
  readonly user: Principal | null;
  /** Locked after inactivity (or by the user): only unlock, log in or log out are allowed. */
  readonly locked: boolean;
  /** Inactivity after which main locks this session; the renderer reports activity. */
  readonly lockAfterMs: number;
  /** How this session appears in the audit trail. */
  readonly station: string;
}

/** Main tells a session when it changed its login by itself: locked after inactivity, user removed. */
export interface AuthEvent {
  readonly type: 'auth';
  readonly auth: AuthState;
}

/** What a confirmation shows before a write, as main sees it at that moment. */
export interface WritePreparation {
  readonly tagId: string;
  readonly tagName: string;
  readonly unit: string;
  readonly dataType: string;
  /** The current value, null until one arrived. */
  readonly oldValue: number | boolean | null;
  readonly newValue: number | boolean;
  /** A critical tag is now selected (select-before-operate): the write must follow before this time (ms since epoch). */
  readonly expiresAt: number | null;
}

/** The value read from the server right after a Good write. */
export interface ReadBack {
  readonly value: number | boolean | null;
  readonly status: number;
  readonly statusText: string;
  /** The server holds what was written (within the type's precision). */
  readonly matches: boolean;
}

/** writeTag's answer once the write path reads back (see the integration notes). */
export type WriteOutcome = WriteTagResult & { readonly readBack?: ReadBack | null };

export interface UserSummary {
  readonly name: string;
  readonly displayName: string;
  readonly role: RoleName;
  readonly areas: readonly string[];
  readonly disabled: boolean;
}

export interface SaveUserRequest extends UserSummary {
  /** Required for a new user; absent keeps the current password. */
  readonly password?: string;
}

export interface AuthApi {
  authState(): Promise<AuthState>;
  /** First run only: creates the administrator and logs this session in as them. */
  setupAdministrator(request: { readonly name: string; readonly displayName: string; readonly password: string }): Promise<AuthState>;
  /** Logs in, or switches user when someone is already logged in. */
  login(request: { readonly name: string; readonly password: string }): Promise<AuthState>;
  logout(): Promise<AuthState>;
  lock(): Promise<AuthState>;
  unlock(request: { readonly password: string }): Promise<AuthState>;
  /** The renderer saw the user act (a key, a click); main restarts the inactivity clock. */
  reportActivity(): Promise<void>;
  changePassword(request: { readonly current: string; readonly next: string }): Promise<void>;
  listUsers(): Promise<readonly UserSummary[]>;
  saveUser(request: SaveUserRequest): Promise<void>;
  deleteUser(request: { readonly name: string }): Promise<void>;
}

/** Operator actions beyond the plain write (LiveApi.writeTag), checked the same way in main. */
export interface OperatorApi {
  /** Checks a write and returns what to confirm; selects the tag when the project marks it critical. */
  prepareWrite(request: { readonly tagId: string; readonly value: number | boolean }): Promise<WritePreparation>;
}

/** A new password: long enough to resist guessing, short enough that hashing it costs nothing extra. */
export const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_LENGTH = 256;

export const userNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.@-]+$/, 'use letters, digits, "_", ".", "@" or "-"');
const displayName = z.string().max(200);
const anyPassword = z.string().min(1, 'is empty').max(MAX_PASSWORD_LENGTH);
export const newPasswordSchema = z.string().min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);
/** "*" is the only wildcard: "demo/Tank1.*". */
export const targetPatternsSchema = z.array(z.string().min(1).max(512)).min(1).max(200);

export const authApiSchemas = {
  authState: z.undefined(),
  setupAdministrator: z.strictObject({ name: userNameSchema, displayName, password: newPasswordSchema }),
  login: z.strictObject({ name: z.string().min(1).max(64), password: anyPassword }),
  logout: z.undefined(),
  lock: z.undefined(),
  unlock: z.strictObject({ password: anyPassword }),
  reportActivity: z.undefined(),
  changePassword: z.strictObject({ current: anyPassword, next: newPasswordSchema }),
  listUsers: z.undefined(),
  saveUser: z.strictObject({
    name: userNameSchema,
    displayName,
    role: z.enum(ROLE_NAMES),
    areas: targetPatternsSchema,
    disabled: z.boolean(),
    password: newPasswordSchema.optional(),
  }),
  deleteUser: z.strictObject({ name: userNameSchema }),
} satisfies Record<keyof AuthApi, z.ZodType>;

export const operatorApiSchemas = {
  prepareWrite: z.strictObject({
    tagId: z.string().min(1).max(512),
    value: z.union([z.number().refine(Number.isFinite, 'must be a finite number'), z.boolean()]),
  }),
} satisfies Record<keyof OperatorApi, z.ZodType>;
