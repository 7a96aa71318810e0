import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../shared/api/audit-api.js';
import type { AuthState, SaveUserRequest, UserSummary } from '../../shared/api/auth-api.js';
import type { Principal } from '../../shared/api/auth-permissions.js';
import { ApiError } from '../../shared/contract.js';
import type { Log } from '../api/sample-source.js';
import type { AuditTrail } from '../audit/audit-trail.js';
import { roleTable, type ProjectUser } from './auth-project-schema.js';
import { ClientAuth } from './client-auth.js';
import { LoginThrottle } from './login-throttle.js';
import { DEFAULT_COST, hashPassword, needsRehash, verifyPassword, type ScryptCost } from './password-hash.js';
import { SerialQueue } from './serial-queue.js';
import type { UserDirectory } from './user-directory.js';

export interface AuthServiceOptions {
  readonly directory: UserDirectory;
  readonly audit: AuditTrail;
  readonly log: Log;
  readonly lockAfterMs?: number;
  readonly throttle?: LoginThrottle;
  /** Tests lower it; the app keeps the default (password-hash.ts says why). */
  readonly hashCost?: ScryptCost;
  readonly now?: () => number;
}

export const DEFAULT_LOCK_AFTER_MS = 15 * 60_000;
const WRONG_CREDENTIALS = 'wrong user name or password';

/**
 * The station's users: who exists, who may log in, and every change to them,
 * all audited. Each renderer session gets a ClientAuth of its own from here.
 */
export class AuthService {
  private readonly sessions = new Set<ClientAuth>();
  private readonly passwordChecks = new SerialQueue();
  private readonly directoryWrites = new SerialQueue();
  private readonly throttle: LoginThrottle;
  private readonly cost: ScryptCost;
  private readonly now: () => number;
  readonly lockAfterMs: number;
  // Unknown users are checked against this, so a wrong name costs the same time as a wrong password.
  private decoy: Promise<string> | null = null;

  constructor(private readonly options: AuthServiceOptions) {
    this.now = options.now ?? Date.now;
    this.throttle = options.throttle ?? new LoginThrottle(undefined, this.now);
    this.cost = options.hashCost ?? DEFAULT_COST;
    this.lockAfterMs = options.lockAfterMs ?? DEFAULT_LOCK_AFTER_MS;
  }

  /**
   * True until an enabled administrator exists: the first run sets one before anything else.
   * Not before the project has loaded: a station with users would flash its first-run screen.
   */
  setupRequired(): boolean {
    const { directory } = this.options;
    return directory.available() && !directory.read().users.some((user) => user.role === 'administrator' && !user.disabled);
  }

  openSession(station: string, notify: (state: AuthState) => void): ClientAuth {
    const session = new ClientAuth(this, station, notify, this.now);
    this.sessions.add(session);
    return session;
  }

  /** Who is logged in, and not locked, in the sessions of stations `at` accepts. */
  loggedInAt(at: (station: string) => boolean): Principal[] {
    return [...this.sessions].flatMap((session) => {
      const state = session.state();
      return at(state.station) && state.user !== null && !state.locked ? [state.user] : [];
    });
  }

  release(session: ClientAuth): void {
    this.sessions.delete(session);
  }

  /** The user as permissions see them now, or null when gone or disabled. */
  principal(name: string): Principal | null {
    const user = this.find(name);
    if (!user || user.disabled) return null;
    const grants = roleTable(this.options.directory.read().roles)[user.role];
    return { name: user.name, displayName: user.displayName, role: user.role, areas: user.areas, grants };
  }

  record(entry: AuditEntry): void {
    this.options.audit.record(entry);
  }

  async setupAdministrator(request: { name: string; displayName: string; password: string }, station: string): Promise<string> {
    return this.directoryWrites.run(async () => {
      if (!this.options.directory.available()) throw new ApiError('setupAdministrator: the project has not loaded (see the status bar); users are kept in it');
      if (!this.setupRequired()) throw new ApiError('setupAdministrator: an administrator already exists; log in instead');
      const user: ProjectUser = { name: request.name, displayName: request.displayName, role: 'administrator', areas: ['*'], passwordHash: await hashPassword(request.password, this.cost), disabled: false };
      const { users, roles } = this.options.directory.read();
      await this.options.directory.write({ users: [...users.filter((u) => u.name.toLowerCase() !== user.name.toLowerCase()), user], roles });
      this.record({ action: 'user.setup', user: user.name, station, target: user.name, oldValue: null, newValue: describeUser(user), result: 'ok', detail: 'first-run administrator' });
      return user.name;
    });
  }

  /**
   * Checks a password, slowed per user name and per station after repeated
   * failures. Unknown user, disabled user and wrong password all get the same
   * answer, so the station does not tell an attacker which names exist.
   * Returns the user's name as stored (names ignore case).
   */
  async authenticate(name: string, password: string, station: string, purpose: 'login' | 'unlock' | 'changePassword', previous: string | null): Promise<string> {
    const keys = [`user:${name.toLowerCase()}`, `station:${station}`];
    return this.passwordChecks.run(async () => {
      const wait = this.throttle.retryAfterMs(keys);
      if (wait > 0) {
        if (this.throttle.noteRefused(keys)) this.record({ action: 'login.throttled', user: previous ?? '', station, target: name, oldValue: null, newValue: null, result: `refused: retry in ${Math.ceil(wait / 1000)} s`, detail: 'repeated failed attempts' });
        throw new ApiError(`${purpose}: too many failed attempts; try again in ${Math.ceil(wait / 1000)} s`);
      }
      const user = this.find(name);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash()));
      if (!user || user.disabled || !matches) {
        const refused = this.throttle.recordFailure(keys);
        const why = !user ? 'unknown user' : user.disabled ? 'user disabled' : 'wrong password';
        this.record({ action: 'login.failed', user: previous ?? '', station, target: name, oldValue: null, newValue: null, result: `refused: ${why}`, detail: `${purpose}${refused > 0 ? `; ${refused} attempts refused while throttled before this` : ''}` });
        throw new ApiError(`${purpose}: ${WRONG_CREDENTIALS}`);
      }
      const refused = this.throttle.recordSuccess(keys);
      if (purpose !== 'changePassword') {
        const switched = purpose === 'login' && previous !== null && previous !== user.name ? `switched from ${previous}` : '';
        this.record({ action: purpose, user: user.name, station, target: user.name, oldValue: previous, newValue: user.name, result: 'ok', detail: [switched, refused > 0 ? `${refused} attempts refused while throttled before this` : ''].filter(Boolean).join('; ') });
      }
      if (needsRehash(user.passwordHash, this.cost)) {
        const passwordHash = await hashPassword(password, this.cost);
        await this.directoryWrites.run(() => this.replaceUser(user.name, { ...user, passwordHash }));
      }
      return user.name;
    });
  }

  async changePassword(name: string, current: string, next: string, station: string): Promise<void> {
    await this.authenticate(name, current, station, 'changePassword', name);
    await this.directoryWrites.run(async () => {
      const user = this.find(name);
      if (!user) throw new ApiError('changePassword: the user no longer exists');
      await this.replaceUser(user.name, { ...user, passwordHash: await hashPassword(next, this.cost) });
      this.record({ action: 'password.change', user: name, station, target: name, oldValue: null, newValue: null, result: 'ok', detail: 'own password' });
    });
  }

  listUsers(): UserSummary[] {
    return this.options.directory.read().users.map(({ name, displayName, role, areas, disabled }) => ({ name, displayName, role, areas, disabled }));
  }

  async saveUser(request: SaveUserRequest, by: string, station: string): Promise<void> {
    await this.directoryWrites.run(async () => {
      const existing = this.find(request.name);
      if (!existing && request.password === undefined) throw new ApiError(`saveUser: password: a new user needs one`);
      const passwordHash = request.password === undefined ? existing!.passwordHash : await hashPassword(request.password, this.cost);
      const user: ProjectUser = { name: existing?.name ?? request.name, displayName: request.displayName, role: request.role, areas: [...request.areas], disabled: request.disabled, passwordHash };
      const { users, roles } = this.options.directory.read();
      const next = existing ? users.map((u) => (u === existing ? user : u)) : [...users, user];
      this.refuseWithoutAdministrator(next, `saveUser: ${user.name}: this would leave no enabled administrator`);
      await this.options.directory.write({ users: next, roles });
      const detail = request.password === undefined ? '' : 'password set';
      this.record({ action: existing ? 'user.change' : 'user.create', user: by, station, target: user.name, oldValue: existing ? describeUser(existing) : null, newValue: describeUser(user), result: 'ok', detail });
    });
    this.usersChanged();
  }

  async deleteUser(name: string, by: string, station: string): Promise<void> {
    await this.directoryWrites.run(async () => {
      const existing = this.find(name);
      if (!existing) throw new ApiError(`deleteUser: name: no user "${name}"`);
      const { users, roles } = this.options.directory.read();
      const next = users.filter((u) => u !== existing);
      this.refuseWithoutAdministrator(next, `deleteUser: ${existing.name} is the last enabled administrator`);
      await this.options.directory.write({ users: next, roles });
      this.record({ action: 'user.delete', user: by, station, target: existing.name, oldValue: describeUser(existing), newValue: null, result: 'ok', detail: '' });
    });
    this.usersChanged();
  }

  /** Users or roles changed (an edit here, or the project file reloaded): every session re-reads its user. */
  usersChanged(): void {
    for (const session of this.sessions) session.refresh();
  }

  dispose(): void {
    for (const session of [...this.sessions]) session.dispose();
  }

  private find(name: string): ProjectUser | undefined {
    const key = name.toLowerCase();
    return this.options.directory.read().users.find((user) => user.name.toLowerCase() === key);
  }

  private async replaceUser(name: string, user: ProjectUser): Promise<void> {
    const { users, roles } = this.options.directory.read();
    await this.options.directory.write({ users: users.map((u) => (u.name === name ? user : u)), roles });
  }

  private refuseWithoutAdministrator(users: readonly ProjectUser[], message: string): void {
    if (!users.some((user) => user.role === 'administrator' && !user.disabled)) throw new ApiError(message);
  }

  private decoyHash(): Promise<string> {
    this.decoy ??= hashPassword(randomBytes(16).toString('hex'), this.cost);
    return this.decoy;
  }
}

function describeUser(user: ProjectUser): string {
  return `${user.role}; areas ${user.areas.join(', ')}${user.disabled ? '; disabled' : ''}${user.displayName ? `; "${user.displayName}"` : ''}`;
}
