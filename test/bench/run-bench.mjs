// `npm run bench`: bundles the TypeScript benchmark programs, then runs them.
import { build } from 'esbuild';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const outdir = path.resolve('node_modules/.cache/tidewatch-bench');
await build({
  // Object form keeps the outputs side by side; the historian bench expects its worker beside it.
  entryPoints: {
    'run-bench': 'test/bench/run-bench.ts',
    'bench-server': 'test/bench/bench-server.ts',
    'stream-probe': 'test/bench/stream-probe.ts',
    'historian-worker': 'main/historian/historian-worker.ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  outdir,
  logLevel: 'warning',
});
await import(pathToFileURL(path.join(outdir, 'run-bench.js')).href);
