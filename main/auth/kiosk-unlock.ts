import type { Principal } from '../../shared/api/auth-permissions.js';

export type KioskUnlockDecision = { readonly ok: true; readonly user: string } | { readonly ok: false; readonly reason: string };

/**
 * Whether kiosk mode may be left, given who is logged in (and not locked) in
 * this station's own windows: someone whose role may edit the project, an
 * engineer or an administrator by default. A browser elsewhere never counts:
 * the kiosk is left by someone standing at it. The engineer logs in with
 * Log in / Switch user first, so the password goes through the one login
 * path, with its throttling and audit.
 */
export function decideKioskUnlock(atThisStation: readonly Principal[]): KioskUnlockDecision {
  const engineer = atThisStation.find((principal) => principal.grants.editProject);
  if (engineer !== undefined) return { ok: true, user: engineer.name };
  if (atThisStation.length === 0) return { ok: false, reason: 'nobody is logged in at this station: log in as an engineer or administrator (Log in), then choose Engineer unlock again' };
  const who = atThisStation.map((principal) => `${principal.role} "${principal.name}"`).join(', ');
  return { ok: false, reason: `${who} may not leave kiosk mode: switch user to an engineer or administrator, then choose Engineer unlock again` };
}
