import { describe, expect, it } from 'vitest';
import { describeOpcuaError } from './describe-opcua-error.js';

describe('describeOpcuaError', () => {
  it('says whose credentials were refused', () => {
    expect(describeOpcuaError('BadUserAccessDenied (0x801f0000)', 'userName')).toBe('the server refused the user name or password (BadUserAccessDenied)');
    expect(describeOpcuaError('Error: BadIdentityTokenRejected', 'certificate')).toBe('the server refused the user certificate (BadIdentityTokenRejected)');
  });

  it('points at the server’s trust list when the server refuses our certificate', () => {
    expect(describeOpcuaError('OpenSecureChannel failed BadSecurityChecksFailed', 'anonymous')).toContain("add it to the server's trusted certificates");
  });

  it('names any other status as the server’s answer', () => {
    expect(describeOpcuaError('createSession: BadTooManySessions (0x80560000)', 'anonymous')).toBe('the server has no room for another session (BadTooManySessions)');
    expect(describeOpcuaError('BadInternalError', 'anonymous')).toBe('the server answered BadInternalError');
  });

  it('leaves transport failures, which carry no status, to the probe', () => {
    expect(describeOpcuaError('The connection may have been rejected by server,\n Err = (ERROR in waiting for data on socket)', 'anonymous')).toBeNull();
  });
});
