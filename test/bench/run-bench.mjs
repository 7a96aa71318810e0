// `npm run bench`: bundles the TypeScript benchmark programs, then runs them.
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const outdir = path.resolve('node_modules/.cache/tidewatch-bench');
await build({
  entryPoints: ['test/bench/run-bench.ts', 'test/bench/bench-server.ts', 'test/bench/stream-probe.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outdir,
  logLevel: 'warning',
});
await import(pathToFileURL(path.join(outdir, 'run-bench.js')).href);
