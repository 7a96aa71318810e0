import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLES, type Principal, type RoleName } from '../../shared/api/auth-permissions.js';
import { decideKioskUnlock } from './kiosk-unlock.js';

const principal = (name: string, role: RoleName): Principal => ({ name, displayName: '', role, areas: ['*'], grants: DEFAULT_ROLES[role] });

describe('decideKioskUnlock', () => {
  it('lets an engineer or administrator logged in at the station leave kiosk mode', () => {
    expect(decideKioskUnlock([principal('olga', 'operator'), principal('erik', 'engineer')])).toEqual({ ok: true, user: 'erik' });
    expect(decideKioskUnlock([principal('ada', 'administrator')])).toEqual({ ok: true, user: 'ada' });
  });

  it('says who is logged in and what to do when nobody there may', () => {
    expect(decideKioskUnlock([])).toEqual({ ok: false, reason: expect.stringMatching(/^nobody is logged in at this station: log in as an engineer/) });
    expect(decideKioskUnlock([principal('olga', 'operator')])).toEqual({ ok: false, reason: 'operator "olga" may not leave kiosk mode: switch user to an engineer or administrator, then choose Engineer unlock again' });
  });
});
