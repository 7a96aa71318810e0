import { describe, expect, it } from 'vitest';
import { parseSimulatorArgs } from './parse-simulator-args.js';

describe('parseSimulatorArgs', () => {
  it('defaults to a free port and the given PKI folder', () => {
    expect(parseSimulatorArgs([], '/tmp/pki')).toEqual({ port: 0, pkiDir: '/tmp/pki' });
  });

  it('takes --port and --pki in any order', () => {
    expect(parseSimulatorArgs(['--pki', 'here', '--port', '4840'], '/tmp/pki')).toEqual({ port: 4840, pkiDir: 'here' });
  });

  it.each([
    [['--port', 'x'], '--port must be a whole number'],
    [['--port', '70000'], '--port must be a whole number'],
    [['--port', '-1'], '--port must be a whole number'],
    [['--port'], '--port needs a value'],
    [['--pki', '--port', '1'], '--pki needs a value'],
    [['--verbose', 'yes'], 'unknown option "--verbose"'],
  ])('refuses %j with a one-line message', (args, message) => {
    const parsed = parseSimulatorArgs(args, '/tmp/pki');
    expect(parsed).toHaveProperty('error');
    expect('error' in parsed && parsed.error).toContain(message);
    expect('error' in parsed && parsed.error.includes('\n')).toBe(false);
  });
});
