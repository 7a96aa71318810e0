import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleLog } from './console-log.js';
import { openRotatingLog } from './rotating-log.js';

describe('openRotatingLog', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = () => (dir = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-log-')));
  const read = (name: string) => readFileSync(path.join(dir, 'logs', name), 'utf8');

  it('creates the logs folder and appends lines in consoleLog’s format, across restarts', () => {
    fresh();
    const first = openRotatingLog({ dir: path.join(dir, 'logs'), name: 'desktop', maxBytes: 1024, keep: 2 });
    consoleLog(first.write)('info', 'started');
    first.dispose();
    const second = openRotatingLog({ dir: path.join(dir, 'logs'), name: 'desktop', maxBytes: 1024, keep: 2 });
    consoleLog(second.write)('error', 'demo plant exited');
    second.dispose();
    expect(read('desktop.log')).toMatch(/^\S+Z info {4}started\n\S+Z error {3}demo plant exited\n$/);
  });

  it('rotates before a line would pass the size limit, keeps the newest files and drops the oldest', () => {
    fresh();
    const logs = path.join(dir, 'logs');
    const log = openRotatingLog({ dir: logs, name: 'headless', maxBytes: 20, keep: 2 });
    for (const line of ['line 1 .......\n', 'line 2 .......\n', 'line 3 .......\n', 'line 4 .......\n']) log.write(line);
    log.dispose();
    expect(readdirSync(logs).sort()).toEqual(['headless.1.log', 'headless.2.log', 'headless.log']);
    expect(read('headless.log')).toBe('line 4 .......\n');
    expect(read('headless.1.log')).toBe('line 3 .......\n');
    expect(read('headless.2.log')).toBe('line 2 .......\n');
  });

  it('counts a file left by the last run towards the limit', () => {
    fresh();
    const logs = path.join(dir, 'logs');
    mkdirSync(logs);
    writeFileSync(path.join(logs, 'desktop.log'), 'old run..\n');
    const log = openRotatingLog({ dir: logs, name: 'desktop', maxBytes: 10, keep: 1 });
    log.write('new run\n');
    log.dispose();
    expect(read('desktop.1.log')).toBe('old run..\n');
    expect(read('desktop.log')).toBe('new run\n');
  });

  it('keeps a line longer than the limit whole rather than splitting or losing it', () => {
    fresh();
    const log = openRotatingLog({ dir: path.join(dir, 'logs'), name: 'desktop', maxBytes: 4, keep: 1 });
    log.write('a long line\n');
    log.dispose();
    expect(read('desktop.log')).toBe('a long line\n');
  });

  it('says once that it cannot write, and never throws into the caller', () => {
    fresh();
    const blocker = path.join(dir, 'not-a-folder');
    writeFileSync(blocker, '');
    const errors: string[] = [];
    const log = openRotatingLog({ dir: blocker, name: 'desktop', maxBytes: 100, keep: 1, onError: (message) => errors.push(message) });
    expect(() => {
      log.write('one\n');
      log.write('two\n');
    }).not.toThrow();
    expect(errors).toEqual([expect.stringMatching(/^cannot write the log file .*desktop\.log \((EEXIST|ENOTDIR)\); logging to the console only$/)]);
    log.dispose();
  });
});
