import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('./electron-builder.config.cjs');
const pkg = require('../package.json');

// electron-builder cannot run here (it downloads Electron); this checks what it would be given.
describe('electron-builder configuration', () => {
  it('names the app and takes its version from package.json', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Tidewatch');
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('builds the Windows NSIS per-machine installer and portable exe, and the Linux AppImage and deb', () => {
    const targets = (platform: { target: { target: string }[] }) => platform.target.map((t) => t.target);
    expect(targets(config.win)).toEqual(['nsis', 'portable']);
    expect(config.nsis.perMachine).toBe(true);
    expect(targets(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('packages the built shells and nothing of the sources', () => {
    expect(config.files).toContain('dist/**/*');
    expect(config.files).toContain('package.json');
    expect(config.files.some((pattern: string) => /^(main|renderer|shared|test)\b/.test(pattern))).toBe(false);
    expect(pkg.main).toBe('dist/main/electron-main.js');
  });

  it('keeps build tools and the renderer’s libraries out of the runtime dependencies', () => {
    const runtime = Object.keys(pkg.dependencies);
    for (const devOnly of ['electron', 'electron-builder', 'vite', 'react', 'uplot', 'vitest', 'playwright-core']) expect(runtime).not.toContain(devOnly);
    expect(runtime).toContain('node-opcua');
  });
});
