import type { AuthApi, AuthState } from '../../shared/api/auth-api.js';
import { decide, TARGETED_ACTIONS, type Action, type Principal, type TargetedAction } from '../../shared/api/auth-permissions.js';
import { ApiError } from '../../shared/contract.js';
import type { Requirement } from './api-requirements.js';
import type { AuthService } from './auth-service.js';

/**
 * One renderer session's login: who is logged in, whether the session is
 * locked, and the inactivity clock. Main decides the lock; the renderer only
 * reports activity. `authorize` is the guard every call passes after its
 * parameters are validated and before it runs.
 */
export class ClientAuth {
  private userName: string | null = null;
  private locked = false;
  private lastActivity: number;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;

  constructor(
    private readonly service: AuthService,
    readonly station: string,
    private readonly notify: (state: AuthState) => void,
    private readonly now: () => number,
  ) {
    this.lastActivity = now();
  }

  state(): AuthState {
    return { setupRequired: this.service.setupRequired(), user: this.principal(), locked: this.locked, lockAfterMs: this.service.lockAfterMs, station: this.station };
  }

  principal(): Principal | null {
    return this.userName === null ? null : this.service.principal(this.userName);
  }

  /** Who to name in an audit record for this session. */
  actor(): { readonly user: string; readonly station: string; readonly principal: Principal | null } {
    return { user: this.userName ?? '', station: this.station, principal: this.principal() };
  }

  /** Throws an ApiError naming the method and why, or returns and counts as activity. */
  authorize(method: string, requirement: Requirement, params: unknown): void {
    // Viewing is everyone's anyway once set up, so the first run hides nothing by refusing it;
    // everything else waits for the administrator.
    if (requirement.kind === 'open' || requirement.kind === 'view') return;
    if (this.service.setupRequired()) throw new ApiError(`${method}: refused: set the administrator password first (first run)`);
    if (this.idleTooLong()) {
      this.lockNow(`${describeDuration(this.service.lockAfterMs)} without activity`);
      this.notify(this.state());
    }
    if (this.locked) throw new ApiError(`${method}: refused: this session is locked; unlock it first`);
    const principal = this.principal();
    if (principal === null) throw new ApiError(`${method}: refused: log in first (nobody is logged in, so this station is read-only)`);
    if (requirement.kind === 'action') {
      const target = requirement.target(params);
      const decision = decide(principal, requirement.action, target);
      if (!decision.allowed) {
        // A refused operation on the plant is evidence (a hidden control was called directly): it is recorded.
        if (isTargetedAction(requirement.action)) {
          this.service.record({ action: requirement.action, user: principal.name, station: this.station, target, oldValue: null, newValue: null, result: `refused: ${decision.reason}`, detail: method });
        }
        throw new ApiError(`${method}: refused: ${decision.reason}`);
      }
    }
    this.lastActivity = this.now();
  }

  methods(): AuthApi {
    return {
      authState: async () => this.state(),
      setupAdministrator: async (request) => this.become(await this.service.setupAdministrator(request, this.station)),
      login: async ({ name, password }) => this.become(await this.service.authenticate(name, password, this.station, 'login', this.userName)),
      logout: async () => {
        if (this.userName !== null) this.service.record({ action: 'logout', user: this.userName, station: this.station, target: this.userName, oldValue: this.userName, newValue: null, result: 'ok', detail: '' });
        this.signOut();
        return this.state();
      },
      lock: async () => {
        this.lockNow('by the user');
        return this.state();
      },
      unlock: async ({ password }) => {
        if (this.userName === null) throw new ApiError('unlock: nobody is logged in; log in instead');
        return this.become(await this.service.authenticate(this.userName, password, this.station, 'unlock', this.userName));
      },
      reportActivity: async () => {
        if (!this.locked) this.lastActivity = this.now();
      },
      changePassword: ({ current, next }) => this.service.changePassword(this.userName ?? '', current, next, this.station),
      listUsers: async () => this.service.listUsers(),
      saveUser: (request) => this.service.saveUser(request, this.userName ?? '', this.station),
      deleteUser: ({ name }) => this.service.deleteUser(name, this.userName ?? '', this.station),
    };
  }

  /** The user list changed: a removed or disabled user is logged out here at once. */
  refresh(): void {
    if (this.userName !== null && this.service.principal(this.userName) === null) {
      this.service.record({ action: 'logout', user: this.userName, station: this.station, target: this.userName, oldValue: this.userName, newValue: null, result: 'ok', detail: 'the user was removed or disabled' });
      this.signOut();
    }
    this.notify(this.state());
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimer();
    this.service.release(this);
  }

  private become(name: string): AuthState {
    this.userName = name;
    this.locked = false;
    this.lastActivity = this.now();
    this.schedule(this.service.lockAfterMs);
    return this.state();
  }

  private signOut(): void {
    this.userName = null;
    this.locked = false;
    this.clearTimer();
  }

  private lockNow(why: string): void {
    if (this.userName === null || this.locked) return;
    this.locked = true;
    this.clearTimer();
    this.service.record({ action: 'lock', user: this.userName, station: this.station, target: this.userName, oldValue: null, newValue: null, result: 'ok', detail: why });
  }

  // One timer per logged-in session, re-armed for the remaining time when it fires early: activity never touches it.
  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.disposed) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (!this.idleTooLong()) return this.schedule(this.service.lockAfterMs - (this.now() - this.lastActivity));
      this.lockNow(`${describeDuration(this.service.lockAfterMs)} without activity`);
      this.notify(this.state());
    }, delayMs);
    this.timer.unref();
  }

  private idleTooLong(): boolean {
    return this.userName !== null && !this.locked && this.now() - this.lastActivity >= this.service.lockAfterMs;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}

function isTargetedAction(action: Action): action is TargetedAction {
  return (TARGETED_ACTIONS as readonly string[]).includes(action);
}

function describeDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}
