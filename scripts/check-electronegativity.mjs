// `npm run lint:electron`: Electronegativity, the Electron security linter, over
// what runs in Electron: the main and preload bundles and the renderer's HTML
// (with its CSP) as built, and the renderer's TypeScript sources (its scope
// analyser cannot walk the minified renderer bundle's class private fields).
// Fails on any high or medium finding that is not accepted below with the
// reason it does not apply. Needs `npm run build` first.
//
// Two of its behaviours do not fit an offline build machine and are switched off:
// it downloads translations and Electron's release list at every run (`got`); that
// module is replaced by one that fails at once, so both fall back to their offline
// paths (English texts; no "newer Electron available" check, which is excluded by
// name below; keeping Electron current is the release process's job, on a connected machine).
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runnerPath = require.resolve('@doyensec/electronegativity');

/**
 * Findings that were reviewed and do not apply. Matched by check, file and the
 * source line Electronegativity quotes, so a new window or preload elsewhere is
 * reported afresh. Each BrowserWindow is built in one place, main/electron/desktop-windows.ts.
 */
const ACCEPTED = [
  ...['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'].map((check) => ({
    check,
    file: 'main/electron-main.js',
    sample: /new BrowserWindow\(\{/,
    why: 'webPreferences are spread from WEB_PREFERENCES (main/electron/security-policy.ts: contextIsolation, sandbox, no node integration, Auxclick disabled), which the linter does not follow; security-policy.test.ts asserts those values',
  })),
  {
    check: 'PRELOAD_JS_CHECK',
    file: 'main/electron-main.js',
    sample: /preload: this\.options\.preload/,
    why: 'reviewed: the sandboxed preload (main/electron/preload.ts) exposes only the contract’s named calls and onEvent/onFrame/ackFrame through contextBridge, never ipcRenderer',
  },
];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const offline = () => Promise.reject(new Error('offline: no network on the build machine'));
offline.default = offline;
for (const from of [path.join(path.dirname(runnerPath), 'locales', 'i18n.js'), path.join(path.dirname(runnerPath), 'finder', 'checks', 'GlobalChecks', 'AvailableSecurityFixesGlobalCheck.js')]) {
  const gotPath = createRequire(from).resolve('got');
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
}
const run = require(runnerPath);
const originalLog = console.log;
console.log = () => undefined; // its "could not retrieve translations" chatter
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
// One folder, so the global checks (CSP, navigation, permission handler) see main and renderer together.
// The linter reads only .js/.ts/.tsx/.html: the CommonJS preload is staged as preload.js.
const input = mkdtempSync(path.join(os.tmpdir(), 'tidewatch-electronegativity-'));
let result;
try {
  cpSync(path.join(root, 'dist', 'main', 'electron-main.js'), path.join(input, 'main', 'electron-main.js'));
  cpSync(path.join(root, 'dist', 'main', 'preload.cjs'), path.join(input, 'main', 'preload.js'));
  cpSync(path.join(root, 'dist', 'renderer', 'index.html'), path.join(input, 'renderer', 'index.html'));
  cpSync(path.join(root, 'renderer', 'src'), path.join(input, 'renderer', 'src'), { recursive: true, filter: (file) => !file.endsWith('.test.ts') });
  result = await run({ input, isRelative: true, electronVersionOverride: electronVersion, customScan: [], excludeFromScan: EXCLUDED_CHECKS, parserPlugins: [] });
} finally {
  console.log = originalLog;
  rmSync(input, { recursive: true, force: true });
}

const serious = result.issues.filter((issue) => issue.severity.name === 'HIGH' || issue.severity.name === 'MEDIUM');
const where = (issue) => `${issue.id} ${issue.severity.name} ${issue.file}:${issue.location.line} ${issue.sample ?? issue.description}`;
const accepted = [];
const unexplained = [];
for (const issue of serious) {
  const reason = ACCEPTED.find((a) => a.check === issue.id && a.file === issue.file.replace(/\\/g, '/') && a.sample.test(issue.sample ?? ''));
  (reason ? accepted : unexplained).push({ issue, reason });
}
if (result.errors.some((error) => !error.tolerable)) {
  for (const error of result.errors) console.error(`electronegativity could not parse ${error.file}: ${error.message}`);
  process.exit(1);
}
console.log(`electronegativity (Electron ${electronVersion}): ${result.issues.length} finding(s), ${serious.length} high or medium, ${accepted.length} accepted with a reason, ${unexplained.length} unexplained`);
for (const { issue, reason } of accepted) console.log(`  accepted ${where(issue)}\n           ${reason.why}`);
for (const { issue } of unexplained) console.error(`  UNEXPLAINED ${where(issue)}: ${issue.description}`);
if (unexplained.length > 0) {
  console.error('Fix these, or accept each in scripts/check-electronegativity.mjs with the reason it does not apply.');
  process.exit(1);
}
