import path from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './built-files.js';

const outdir = path.join(repoRoot, 'node_modules', '.cache', 'tidewatch-opcua-tests');
const bundles = new Map<string, Promise<string>>();

/** A TypeScript program under test/ bundled for `fork` (npm packages stay external), once per test process. */
export function bundleEntry(name: string, sourceFromRepoRoot: string): Promise<string> {
  let bundled = bundles.get(name);
  if (!bundled) {
    bundled = build({
      entryPoints: { [name]: path.join(repoRoot, sourceFromRepoRoot) },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      outdir,
      logLevel: 'warning',
    }).then(() => path.join(outdir, `${name}.js`));
    bundles.set(name, bundled);
  }
  return bundled;
}
