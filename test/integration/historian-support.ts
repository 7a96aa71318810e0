// Shared by the historian's integration tests: the worker bundle they run
// (as the app does, built from main/historian/historian-worker.ts), temporary
// folders, and a seeded random source so a failure can be replayed.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../support/built-files.js';

const outdir = path.join(repoRoot, 'node_modules', '.cache', 'tidewatch-historian');

let built: Promise<string> | null = null;

/** Builds historian-worker.js (and any extra entries) once per test file. */
export function historianWorkerEntry(): Promise<string> {
  built ??= bundle({ 'historian-worker': 'main/historian/historian-worker.ts' }).then(() => path.join(outdir, 'historian-worker.js'));
  return built;
}

/** A program for a child process, from TypeScript source; the worker bundle sits beside it. */
export async function bundleProgram(name: string, source: string): Promise<string> {
  await historianWorkerEntry();
  await build({ ...common, stdin: { contents: source, resolveDir: repoRoot, loader: 'ts', sourcefile: `${name}.ts` }, outfile: path.join(outdir, `${name}.js`) });
  return path.join(outdir, `${name}.js`);
}

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'warning' } as const;

async function bundle(entryPoints: Record<string, string>): Promise<void> {
  await build({ ...common, entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, file]) => [name, path.join(repoRoot, file)])), outdir });
}

export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `tidewatch-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
