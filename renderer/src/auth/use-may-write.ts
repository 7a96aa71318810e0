import { can } from '../../../shared/api/auth-permissions.js';
import type { TagInfo } from '../../../shared/contract.js';
import { useAuth } from './auth-context.js';

/**
 * Whether to offer a change of this tag: the server lets it be written and the
 * logged-in, unlocked user may write it. Main checks again; hiding is a courtesy,
 * not the protection.
 */
export function useMayWrite(tag: TagInfo): boolean {
  const allowed = useAuth((state) => state.auth !== null && !state.auth.locked && can(state.auth.user, 'write', tag.id));
  return tag.writable && allowed;
}
