// `npm start`: opens the desktop app. Electron (>= 42) fetches its binary on
// first run rather than at install; where that cannot happen (an offline
// build machine) this says so in one line and points to the headless shell,
// instead of leaving a stack trace from the downloader.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));

function installedBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(dist, readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

let binary = installedBinary();
if (!binary && !process.env.ELECTRON_OVERRIDE_DIST_PATH) {
  process.stderr.write('Fetching the Electron binary (first run)...\n');
  const download = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (download.status === 0) binary = installedBinary();
}
if (!binary) {
  process.stderr.write('tidewatch: the Electron binary is not installed and could not be downloaded on this machine; run `npm run serve` to use Tidewatch in a browser instead.\n');
  process.exit(1);
}

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
