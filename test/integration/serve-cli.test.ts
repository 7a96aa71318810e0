import { fork, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, repoRoot } from '../support/built-files.js';

function runServe(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = fork(builtFile('serve.js'), args, { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run serve on the command line', () => {
  it('refuses an unknown flag by name, with the usage and exit code 2', async () => {
    const result = await runServe(['--colour', 'blue']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').slice(0, 3)).toEqual(['tidewatch: unknown option "--colour"', '', 'usage: tidewatch [options] [PROJECT.tidewatch]']);
  });

  it('says in one line that a busy port is busy, and exits non-zero', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const userData = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-cli-'));
    try {
      const result = await runServe(['--port', String(port), '--user-data', userData]);
      expect(result.code).toBe(1);
      // One error line (the log may say what it set up meanwhile, with its own timestamps).
      expect(result.stderr.split('\n').filter((line) => line.startsWith('tidewatch:'))).toEqual([`tidewatch: port ${port} on 127.0.0.1 is already in use`]);
    } finally {
      blocker.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });

  it('prints its usage for --help', async () => {
    const result = await runServe(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('--port N');
  });
});

describe('npm start without an Electron binary', () => {
  const electronDir = path.join(repoRoot, 'node_modules', 'electron');
  const hasBinary = existsSync(path.join(electronDir, 'path.txt')) && existsSync(path.join(electronDir, 'dist'));
  if (hasBinary) console.log('skipped "npm start without an Electron binary": this machine has the Electron binary installed, so npm start would open the app');

  it.skipIf(hasBinary)('says so in one line and points to npm run serve', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-electron-cache-'));
    try {
      // The download is pointed at a closed loopback port: it fails as it does offline, and no traffic leaves the machine.
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'start-electron.mjs')], {
        env: { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache },
        encoding: 'utf8',
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n').filter((line) => line.startsWith('tidewatch:'));
      expect(lines).toEqual(['tidewatch: the Electron binary is not installed and could not be downloaded on this machine; run `npm run serve` to use Tidewatch in a browser instead.']);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
