import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './parse-serve-args.js';

describe('parseServeArgs', () => {
  it('defaults to a free port and the per-user folder', () => {
    expect(parseServeArgs([])).toEqual({ ok: true, options: { port: 0, userDataDir: null, help: false } });
  });

  it('takes --port and --user-data, with a space or an equals sign', () => {
    expect(parseServeArgs(['--port', '8080', '--user-data=/tmp/tw'])).toEqual({ ok: true, options: { port: 8080, userDataDir: '/tmp/tw', help: false } });
    expect(parseServeArgs(['--port=0'])).toMatchObject({ ok: true, options: { port: 0 } });
  });

  it('refuses a port that is not a number in range, saying what it got', () => {
    expect(parseServeArgs(['--port', 'eighty'])).toEqual({ ok: false, error: '--port needs a number from 0 to 65535, got "eighty"' });
    expect(parseServeArgs(['--port', '70000'])).toMatchObject({ ok: false });
    expect(parseServeArgs(['--port', '-1'])).toMatchObject({ ok: false });
    expect(parseServeArgs(['--port'])).toEqual({ ok: false, error: '--port needs a number from 0 to 65535, got ""' });
  });

  it('refuses unknown flags by name', () => {
    expect(parseServeArgs(['--prot', '1'])).toEqual({ ok: false, error: 'unknown option "--prot" (see --help)' });
  });

  it('recognises --help', () => {
    expect(parseServeArgs(['--help'])).toMatchObject({ ok: true, options: { help: true } });
  });
});
