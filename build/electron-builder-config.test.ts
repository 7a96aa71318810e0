import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawIcons, ICO_SIZES, LINUX_SIZES } from '../scripts/generate-icons.mjs';

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs');
const pkg = require('../package.json');
const root = path.join(import.meta.dirname, '..');
// electron-builder's own schema check, the one `npm run dist` runs first.
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
const { DebugLogger } = require('builder-util');

const pngSize = (file: string) => {
  const bytes = readFileSync(path.join(root, file));
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
};
const icoSizes = (file: string) => {
  const bytes = readFileSync(path.join(root, file));
  expect(bytes.readUInt16LE(2)).toBe(1); // an icon, not a cursor
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => bytes[6 + 16 * i] || 256);
};

// electron-builder cannot build installers here (it downloads Electron and its tools); this checks what it would be given.
describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, nsis: { ...config.nsis, perMachin: true } }, new DebugLogger(false))).rejects.toThrow(/Invalid configuration/);
  });

  it('names the app and takes its version from package.json alone', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Tidewatch');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(config.buildVersion).toBeUndefined();
    expect(config.extraMetadata?.version).toBeUndefined();
  });

  it('builds the Windows NSIS per-machine installer and portable exe, and the Linux AppImage and deb', () => {
    const targets = (platform: { target: { target: string }[] }) => platform.target.map((t) => t.target);
    expect(targets(config.win)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
    // Nothing phones home: no update feed.
    expect(config.publish).toBeNull();
  });

  it('points at icons that exist in every size each platform needs', () => {
    expect(pngSize(config.icon)).toEqual({ width: 1024, height: 1024 });
    for (const file of [config.win.icon, config.nsis.installerIcon, config.nsis.uninstallerIcon]) expect(icoSizes(file)).toEqual(ICO_SIZES);
    expect(ICO_SIZES).toEqual(expect.arrayContaining([16, 32, 48, 256]));
    for (const size of LINUX_SIZES) expect(pngSize(`${config.linux.icon}/${size}x${size}.png`)).toEqual({ width: size, height: size });
  });

  it('has the icons the script draws committed (run `node scripts/generate-icons.mjs` after changing it)', () => {
    for (const [file, bytes] of drawIcons()) {
      expect([file, existsSync(path.join(root, file)) && Buffer.compare(readFileSync(path.join(root, file)), bytes) === 0]).toEqual([file, true]);
    }
  }, 60_000);

  it('opens .tidewatch project files with the app on Windows and Linux', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'tidewatch', name: 'Tidewatch project', mimeType: 'application/x-tidewatch-project+json' })]);
  });

  it('packages the built shells and nothing of the sources, native modules outside the archive', () => {
    expect(config.files).toEqual(['dist/**/*', '!dist/**/*.map', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(pkg.main).toBe('dist/main/electron-main.js');
  });

  it('ships the prebuilt N-API SQLite binaries for both installer platforms instead of rebuilding', () => {
    expect(config.npmRebuild).toBe(false);
    if (!pkg.dependencies['better-sqlite3']) return console.log('skipped the SQLite binary check: better-sqlite3 is not a dependency');
    for (const target of ['win32-x64', 'linux-x64']) expect([target, existsSync(path.join(root, 'node_modules', 'better-sqlite3', 'prebuilds', `${target}.node`))]).toEqual([target, true]);
  });

  it('keeps build tools and the renderer’s libraries out of the runtime dependencies', () => {
    const runtime = Object.keys(pkg.dependencies);
    for (const devOnly of ['electron', 'electron-builder', 'vite', 'react', 'uplot', 'vitest', 'playwright-core']) expect(runtime).not.toContain(devOnly);
    expect(runtime).toContain('node-opcua');
  });
});
