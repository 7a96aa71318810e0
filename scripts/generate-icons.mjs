// Draws Tidewatch's icon (a wave over a rising tide in a rounded square) from
// code and writes every size the installers need:
//   build/icon.png            1024 px, the source electron-builder derives from
//   build/icon.ico            16-256 px, for the Windows exe, installer and shortcuts
//   build/icons/NxN.png       16-1024 px, the Linux hicolor icon set (AppImage, deb)
// No image tools or downloads: pixels are computed, PNGs encoded with zlib.
// `node scripts/generate-icons.mjs` rewrites them; the output is byte-for-byte
// deterministic, and build/electron-builder-config.test.ts checks the committed
// files are what this script draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** Every icon file, by path relative to the repository root. */
export function drawIcons() {
  const png = new Map(LINUX_SIZES.map((size) => [size, encodePng(size, drawIcon(size))]));
  const files = new Map();
  files.set('build/icon.png', png.get(1024));
  files.set('build/icon.ico', encodeIco(ICO_SIZES.map((size) => ({ size, png: png.get(size) }))));
  for (const size of LINUX_SIZES) files.set(`build/icons/${size}x${size}.png`, png.get(size));
  return files;
}

/** RGBA pixels of the icon at one size, anti-aliased by supersampling. */
function drawIcon(size) {
  const pixels = new Uint8Array(size * size * 4);
  // Small icons get a thicker crest so the wave still reads at 16 px.
  const crest = Math.max(0.045, 1.6 / size);
  // 4x4 samples per pixel where a pixel is coarse; 2x2 is as smooth at 256 px and up, and 4x cheaper.
  const n = size >= 256 ? 2 : 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade((x + (sx + 0.5) / n) / size, (y + (sy + 0.5) / n) / size, crest);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (y * size + x) * 4;
      const coverage = a / (n * n);
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round(coverage * 255);
    }
  }
  return pixels;
}

const wave = (u) => 0.56 + 0.085 * Math.sin(2 * Math.PI * (1.15 * u + 0.05));
const waveSlope = (u) => 0.085 * 2 * Math.PI * 1.15 * Math.cos(2 * Math.PI * (1.15 * u + 0.05));

/** The colour [r, g, b, alpha 0..1] at a point of the unit square. */
function shade(u, v, crest) {
  if (!insideRoundedSquare(u, v, 0.04, 0.2)) return [0, 0, 0, 0];
  // Distance to the wave line, measured across it rather than straight down.
  const distance = Math.abs(v - wave(u)) / Math.hypot(1, waveSlope(u));
  if (distance < crest / 2) return [236, 248, 250, 1];
  if (v > wave(u)) return mix([31, 162, 184], [12, 92, 122], (v - wave(u)) / 0.45);
  // A second, fainter swell in the sky, like a trend's older trace.
  const swell = Math.abs(v - (wave(u - 0.18) - 0.2)) / Math.hypot(1, waveSlope(u - 0.18));
  if (swell < crest / 3) return [95, 190, 205, 1];
  return mix([22, 52, 74], [13, 29, 43], v);
}

function insideRoundedSquare(u, v, margin, radius) {
  const lo = margin + radius;
  const hi = 1 - margin - radius;
  const dx = Math.max(lo - u, 0, u - hi);
  const dy = Math.max(lo - v, 0, v - hi);
  return u >= margin && u <= 1 - margin && v >= margin && v <= 1 - margin && dx * dx + dy * dy <= radius * radius;
}

function mix(from, to, t) {
  const k = Math.min(Math.max(t, 0), 1);
  return [0, 1, 2].map((i) => Math.round(from[i] + (to[i] - from[i]) * k)).concat(1);
}

function encodePng(size, rgba) {
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A .ico holding PNG images (Windows Vista and later read them; 256 px is written as 0). */
function encodeIco(images) {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header[entry] = size >= 256 ? 0 : size;
    header[entry + 1] = size >= 256 ? 0 : size;
    header.writeUInt16LE(1, entry + 4); // colour planes
    header.writeUInt16LE(32, entry + 6); // bits per pixel
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((image) => image.png)]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
  for (const [file, bytes] of drawIcons()) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), bytes);
  }
  console.log('wrote build/icon.png, build/icon.ico and build/icons/');
}
