import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtFile, repoRoot } from '../support/built-files.js';

// Plant networks have no internet: nothing in the shipped bundles may fetch from one.
// Every absolute URL in dist/ must be below; each entry says why it is never fetched.
// npm packages stay outside the main bundle (node_modules is shipped as is); that they need no
// tool at run time is tested by running the app with nothing on PATH (desktop-command-line.test.ts).
// (The CSP, connect-src 'self', is the second line: a URL missed here is still refused at run time.)
const NEVER_FETCHED: readonly { readonly url: RegExp; readonly why: string }[] = [
  { url: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|XML\/1998\/namespace|1998\/Math\/MathML)$/, why: 'XML namespace names React DOM passes to createElementNS: identifiers, not addresses' },
  { url: /^https:\/\/react\.dev\/errors\/$/, why: 'the text of a minified React error message, telling a developer where to read it; only shown' },
  { url: /^https?:\/\/json-schema\.org\/draft(-0[47]|\/2020-12)\/schema#?$/, why: 'zod’s JSON Schema dialect identifiers ($schema values); never dereferenced' },
  { url: /^http:\/\/\[\$\{\w+\}\]$/, why: 'zod checks an IPv6 address by parsing it as a URL host; nothing is requested' },
  { url: /^http:\/\/(127\.0\.0\.1|\$\{LOOPBACK\})(:\$\{port\}\/\?token=\$\{token\})?$/, why: 'the headless shell’s own loopback address: the URL it prints, and the base for parsing request paths' },
];

const SCANNED = /\.(js|cjs|mjs|html|css)$/;
const ABSOLUTE_URL = /\b(?:https?|wss?|ftp):\/\/[^\s"'`<>\\)]*/g;

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && SCANNED.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('offline by construction', () => {
  it('finds no URL in the built main, preload and renderer bundles that would be fetched at run time', () => {
    builtFile('electron-main.js');
    const dist = path.join(repoRoot, 'dist');
    const files = bundleFiles(dist);
    expect(files.map((file) => path.relative(dist, file))).toEqual(expect.arrayContaining([path.join('main', 'electron-main.js'), path.join('main', 'preload.cjs'), path.join('renderer', 'index.html')]));
    const unexplained = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(ABSOLUTE_URL)].map(([url]) => url).filter((url) => !NEVER_FETCHED.some((allowed) => allowed.url.test(url))).map((url) => `${path.relative(dist, file)}: ${url}`),
    );
    expect(unexplained).toEqual([]);
  });

  it('catches a remote URL (the scanner itself works)', () => {
    const sample = 'fetch("https://fonts.example.com/a.woff2"); new WebSocket(`wss://updates.example.com/x`)';
    const found = [...sample.matchAll(ABSOLUTE_URL)].map(([url]) => url).filter((url) => !NEVER_FETCHED.some((allowed) => allowed.url.test(url)));
    expect(found).toEqual(['https://fonts.example.com/a.woff2', 'wss://updates.example.com/x']);
  });
});
