import { describe, expect, it } from 'vitest';
import { serverSettingsSchema, tagSubscriptionSchema } from './server-settings.js';

const problems = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('server settings', () => {
  it('fills safe defaults: no security, anonymous, no automatic certificate trust, capped retries', () => {
    expect(serverSettingsSchema.parse({ id: 'plc', name: 'PLC', endpointUrl: 'opc.tcp://plc:4840' })).toEqual({
      id: 'plc',
      name: 'PLC',
      endpointUrl: 'opc.tcp://plc:4840',
      securityMode: 'None',
      securityPolicy: 'None',
      user: { kind: 'anonymous' },
      publishingInterval: 100,
      autoAcceptServerCertificate: false,
      reconnect: { initialDelayMs: 250, maxDelayMs: 5000 },
      eventNotifiers: ['i=2253'],
    });
  });

  it('names each wrong field with its path', () => {
    const result = serverSettingsSchema.safeParse({
      id: 'plc 1',
      name: 'PLC',
      endpointUrl: 'http://plc',
      securityMode: 'SignAndEncrypt',
      securityPolicy: 'None',
      user: { kind: 'userName', userName: 'op', password: 'plain' },
    });
    expect(problems(result)).toEqual([
      'id: use letters, digits, "_", "." or "-"',
      'endpointUrl: must look like opc.tcp://host:port/path',
      'user.passwordSecret: Invalid input: expected string, received undefined',
      'user: Unrecognized key: "password"',
    ]);
    expect(problems(serverSettingsSchema.safeParse({ id: 'plc', name: 'PLC', endpointUrl: 'opc.tcp://plc', securityMode: 'Sign' }))).toEqual([
      'securityPolicy: securityMode None goes with securityPolicy None, and Sign/SignAndEncrypt with a real policy',
    ]);
  });

  it('takes per-tag sampling, queue and deadband, and refuses a percent deadband over 100', () => {
    expect(tagSubscriptionSchema.parse({ deadband: { type: 'percent', value: 2 } })).toEqual({ samplingInterval: 100, deadband: { type: 'percent', value: 2 } });
    expect(problems(tagSubscriptionSchema.safeParse({ queueSize: 0, deadband: { type: 'percent', value: 120 } }))).toEqual([
      'queueSize: Too small: expected number to be >=1',
      'deadband.value: a percent deadband is at most 100',
    ]);
  });
});
