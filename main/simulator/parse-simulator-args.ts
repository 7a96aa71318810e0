export interface SimulatorArgs {
  /** 0 picks a free port. */
  readonly port: number;
  readonly pkiDir: string;
}

const USAGE = 'usage: simulator [--port N] [--pki DIR]';

/** `--port N` (default 0) and `--pki DIR`; returns a one-line error for anything else. */
export function parseSimulatorArgs(args: readonly string[], defaultPkiDir: string): SimulatorArgs | { readonly error: string } {
  let port = 0;
  let pkiDir = defaultPkiDir;
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) {
      return { error: `${flag} needs a value; ${USAGE}` };
    }
    if (flag === '--port') {
      port = Number(value);
      if (!/^\d+$/.test(value) || port > 65535) {
        return { error: `--port must be a whole number from 0 to 65535, not "${value}"` };
      }
    } else if (flag === '--pki') {
      pkiDir = value;
    } else {
      return { error: `unknown option "${flag}"; ${USAGE}` };
    }
  }
  return { port, pkiDir };
}
