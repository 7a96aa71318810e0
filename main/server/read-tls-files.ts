import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CommandLine } from '../app/parse-command-line.js';

/** The PEM files --tls-cert and --tls-key name, read once at start; an unreadable one is named with why. */
export function readTlsFiles(tls: CommandLine['tls'], cwd: string): { readonly cert: Buffer; readonly key: Buffer } | undefined {
  if (tls === null) return undefined;
  const read = (flag: string, file: string) => {
    const full = path.resolve(cwd, file);
    try {
      const pem = readFileSync(full);
      if (!pem.toString('latin1').includes('-----BEGIN ')) throw new Error('not a PEM file');
      return pem;
    } catch (error) {
      throw new Error(`${flag} ${full}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  return { cert: read('--tls-cert', tls.certFile), key: read('--tls-key', tls.keyFile) };
}
