import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout's root, found from this file whether it runs from test/ or from a benchmark bundle. */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tidewatch') return dir;
  }
  throw new Error(`no tidewatch package.json above ${start}`);
}

export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));
export const distMain = path.join(repoRoot, 'dist', 'main');

/** Integration and e2e tests run the built bundles, as users do; `npm test` builds first. */
export function builtFile(name: string): string {
  const file = path.join(distMain, name);
  if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing: run \`npm run build\` first (npm test does)`);
  return file;
}
