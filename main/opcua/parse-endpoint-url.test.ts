import { describe, expect, it } from 'vitest';
import { parseEndpointUrl } from './parse-endpoint-url.js';

describe('parseEndpointUrl', () => {
  it('reads host and port, with 4840 when none is given', () => {
    expect(parseEndpointUrl('opc.tcp://plc-17:48010/UA/Server')).toEqual({ ok: true, address: { host: 'plc-17', port: 48010 } });
    expect(parseEndpointUrl('opc.tcp://10.0.0.17')).toEqual({ ok: true, address: { host: '10.0.0.17', port: 4840 } });
    expect(parseEndpointUrl('opc.tcp://[fe80::1]:4841')).toEqual({ ok: true, address: { host: 'fe80::1', port: 4841 } });
  });

  it('says what is wrong with a URL that is not one', () => {
    expect(parseEndpointUrl('opc.tcp//plc:4840')).toEqual({ ok: false, error: 'malformed endpoint URL "opc.tcp//plc:4840": expected opc.tcp://host:port/path' });
    expect(parseEndpointUrl('http://plc:4840')).toMatchObject({ ok: false });
    expect(parseEndpointUrl('opc.tcp://plc:0')).toEqual({ ok: false, error: 'malformed endpoint URL "opc.tcp://plc:0": port 0 is out of range' });
    expect(parseEndpointUrl('opc.tcp://plc:99999')).toEqual({ ok: false, error: 'malformed endpoint URL "opc.tcp://plc:99999": port 99999 is out of range' });
  });
});
