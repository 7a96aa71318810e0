// `npm run audit:verify -- [FILE]`: checks the audit trail's hash chain and names
// the first edited, deleted, inserted or reordered record. The checker is the
// app's own TypeScript (main/audit), bundled on the fly so there is one copy of it.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const outfile = path.join(root, 'node_modules', '.cache', 'tidewatch-audit-verify', 'audit-verify.mjs');
await build({
  entryPoints: [path.join(root, 'main', 'audit', 'audit-verify-cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  logLevel: 'warning',
});
const { runAuditVerify } = await import(pathToFileURL(outfile).href);
process.exitCode = runAuditVerify(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
