import { can } from '../../../shared/api/auth-permissions.js';
import { useAuth } from '../auth/auth-context.js';

/** Adding servers and tags and trusting certificates change the project: engineers and administrators, unlocked. */
export function useMayEditServers(): boolean {
  return useAuth((state) => state.auth !== null && !state.auth.locked && can(state.auth.user, 'editProject'));
}

/** Browsing reads any node of a server: a logged-in, unlocked user. */
export function useMayBrowse(): boolean {
  return useAuth((state) => state.auth !== null && !state.auth.locked && state.auth.user !== null);
}
