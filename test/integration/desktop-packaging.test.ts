import { listPackage } from '@electron/asar';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtFile, repoRoot } from '../support/built-files.js';

// What the installers will contain, from a real electron-builder run: `--linux dir` is the one
// target that needs no download once it is given an unpacked Electron. None can be downloaded
// here, so it gets a stand-in: a folder with an empty 'electron' file and a locale. Only the
// file set electron-builder assembles around it is under test; the stand-in never runs.
describe('the packaged app (electron-builder --linux dir)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-package-'));
  const appDir = path.join(work, 'release', 'linux-unpacked');
  const asarFile = path.join(appDir, 'resources', 'app.asar');
  const unpackedDir = `${asarFile}.unpacked`;
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  let files: string[] = [];

  beforeAll(async () => {
    builtFile('electron-main.js');
    const electronDist = path.join(work, 'stand-in-electron');
    mkdirSync(path.join(electronDist, 'locales'), { recursive: true });
    mkdirSync(path.join(electronDist, 'resources'));
    writeFileSync(path.join(electronDist, 'electron'), '');
    chmodSync(path.join(electronDist, 'electron'), 0o755);
    for (const locale of ['en-US', 'de']) writeFileSync(path.join(electronDist, 'locales', `${locale}.pak`), '');
    const cli = path.join(repoRoot, 'node_modules', 'electron-builder', 'cli.js');
    const args = ['--config', 'build/electron-builder.config.cjs', '--linux', 'dir', `--config.electronDist=${electronDist}`, `--config.directories.output=${path.join(work, 'release')}`];
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('exit', (exitCode) => resolve({ code: exitCode, output: text }));
    });
    if (code !== 0) throw new Error(`electron-builder --linux dir failed (${code}):\n${output.slice(-4000)}`);
    files = listPackage(asarFile, { isPack: false }).map((file) => file.replace(/\\/g, '/'));
  }, 240_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('contains the built main, preload, renderer and demo plant, and package.json', () => {
    for (const file of ['/dist/main/electron-main.js', '/dist/main/preload.cjs', '/dist/main/simulator.js', '/dist/main/serve.js', '/dist/renderer/index.html', '/package.json']) expect(files).toContain(file);
    expect(files.some((file) => /^\/dist\/renderer\/assets\/index-[\w-]+\.js$/.test(file))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'))).toMatchObject({ main: 'dist/main/electron-main.js' });
  });

  it('ships every runtime dependency, node-opcua with its nodesets, so nothing is fetched at first start', () => {
    for (const dependency of Object.keys(pkg.dependencies)) expect(files).toContain(`/node_modules/${dependency}/package.json`);
    expect(files.some((file) => /^\/node_modules\/node-opcua-nodesets\/.*\.xml$/.test(file))).toBe(true);
  });

  it('unpacks every native module from the archive, the SQLite binary for this platform included', () => {
    const native = files.filter((file) => file.endsWith('.node'));
    expect(native.length).toBeGreaterThan(0);
    for (const file of native) expect([file, existsSync(path.join(unpackedDir, file))]).toEqual([file, true]);
    // Both installer platforms' N-API binaries: a Windows installer built on Linux carries the right one.
    if (pkg.dependencies['better-sqlite3']) for (const target of ['linux-x64', 'win32-x64']) expect(native).toContain(`/node_modules/better-sqlite3/prebuilds/${target}.node`);
  });

  it('leaves out sources, source maps, build tools and any OpenSSL executable', () => {
    expect(files.filter((file) => file.endsWith('.map') && file.startsWith('/dist/'))).toEqual([]);
    expect(files.filter((file) => /^\/(main|renderer|shared|test|scripts|build)\//.test(file))).toEqual([]);
    for (const tool of ['electron', 'electron-builder', 'vite', 'vitest', 'typescript', 'react', 'playwright-core', 'esbuild']) {
      expect([tool, files.includes(`/node_modules/${tool}/package.json`)]).toEqual([tool, false]);
    }
    expect(files.filter((file) => /\/openssl(\.exe)?$/i.test(file))).toEqual([]);
  });

  it('names the executable and keeps only the English locale', () => {
    expect(existsSync(path.join(appDir, 'tidewatch'))).toBe(true);
    expect(readdirSync(path.join(appDir, 'locales'))).toEqual(['en-US.pak']);
  });
});
