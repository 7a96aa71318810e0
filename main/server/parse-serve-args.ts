/** Options of `npm run serve` (the headless shell). */
export interface ServeOptions {
  readonly port: number;
  readonly userDataDir: string | null;
  readonly help: boolean;
}

export type ParseResult = { readonly ok: true; readonly options: ServeOptions } | { readonly ok: false; readonly error: string };

export const SERVE_USAGE = `usage: npm run serve -- [--port N] [--user-data DIR]
  --port N          listen on 127.0.0.1:N (default 0: a free port)
  --user-data DIR   where Tidewatch keeps its PKI, logs and history (default: the per-user app folder)
  --help            print this text`;

/** Pure, so every refusal is tested; the entry point turns an error into one line and exit code 2. */
export function parseServeArgs(argv: readonly string[]): ParseResult {
  let port = 0;
  let userDataDir: string | null = null;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    switch (flag) {
      case '--port': {
        const text = value();
        const parsed = text !== undefined && /^\d+$/.test(text) ? Number(text) : Number.NaN;
        if (!(parsed >= 0 && parsed <= 65535)) return { ok: false, error: `--port needs a number from 0 to 65535, got ${JSON.stringify(text ?? '')}` };
        port = parsed;
        break;
      }
      case '--user-data': {
        const text = value();
        if (!text) return { ok: false, error: '--user-data needs a directory' };
        userDataDir = text;
        break;
      }
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        return { ok: false, error: `unknown option ${JSON.stringify(arg)} (see --help)` };
    }
  }
  return { ok: true, options: { port, userDataDir, help } };
}
