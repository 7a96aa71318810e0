// Builds everything the two shells run into dist/:
//   dist/renderer/          the UI (Vite)
//   dist/main/serve.js      the headless shell        (ESM, Node)
//   dist/main/simulator.js  the demo plant process    (ESM, Node)
//   dist/main/electron-main.js, preload.cjs  the desktop shell
// npm packages stay external: electron-builder ships node_modules, and
// node-opcua loads its own data files relative to itself.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { rm } from 'node:fs/promises';

const quiet = process.argv.includes('--quiet');
await rm('dist', { recursive: true, force: true });

await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: quiet ? 'warn' : 'info' });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  packages: 'external',
  logLevel: 'warning',
};
await esbuild({
  ...node,
  format: 'esm',
  entryPoints: {
    serve: 'main/server/serve.ts',
    simulator: 'main/simulator/simulator-process.ts',
    'historian-worker': 'main/historian/historian-worker.ts',
    'electron-main': 'main/electron/electron-main.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.js' },
});
// A sandboxed preload cannot be an ES module.
await esbuild({ ...node, format: 'cjs', entryPoints: { preload: 'main/electron/preload.ts' }, outdir: 'dist/main', outExtension: { '.js': '.cjs' } });
if (!quiet) console.log('built dist/renderer and dist/main');
