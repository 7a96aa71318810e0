import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, serverId, toAddServerRequest } from './server-form.js';

describe('the add-server form', () => {
  it('derives a unique id from the name', () => {
    expect(serverId('Line 3 / PLC', new Set())).toBe('Line-3-PLC');
    expect(serverId('Line 3 / PLC', new Set(['Line-3-PLC']))).toBe('Line-3-PLC-2');
    expect(serverId('???', new Set())).toBe('server');
  });

  it('names each missing or wrong field', () => {
    const result = toAddServerRequest({ ...EMPTY_FORM, endpointUrl: 'http://plc', login: 'userName' }, new Set());
    expect(result).toEqual({
      ok: false,
      problems: {
        name: 'Give the server a name',
        endpointUrl: 'Expected opc.tcp://host:port/path',
        endpoint: 'Pick one of the server’s endpoints',
        userName: 'Enter the user name',
        password: 'Enter the password',
      },
    });
  });

  it('builds the request with the password beside the settings, never inside them', () => {
    const result = toAddServerRequest(
      { ...EMPTY_FORM, name: 'Boiler', endpointUrl: ' opc.tcp://10.0.0.5:4840 ', securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', login: 'userName', userName: 'op', password: 'pw' },
      new Set(),
    );
    expect(result).toEqual({
      ok: true,
      request: {
        settings: { id: 'Boiler', name: 'Boiler', endpointUrl: 'opc.tcp://10.0.0.5:4840', securityMode: 'SignAndEncrypt', securityPolicy: 'Basic256Sha256', user: { kind: 'userName', userName: 'op' } },
        password: 'pw',
      },
    });
  });
});
