import type { Log } from '../api/sample-source.js';

/** One line per event on stderr, so stdout stays for what a user or script reads (the URL). */
export function consoleLog(write: (line: string) => void = (line) => process.stderr.write(line)): Log {
  return (level, message) => write(`${new Date().toISOString()} ${level.padEnd(7)} ${message}\n`);
}
