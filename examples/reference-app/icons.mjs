// The app's icons for the young person's installed app (web app manifest): the site icon's drawing (a blue
// square with a white arrow, src/styles/favicon.svg) painted as PNG at any size, so no picture file is kept in the
// repository and the icons always match the favicon. Painted here by hand, with 4×4 samples a pixel for smooth
// edges, and written as a plain 8-bit RGBA PNG (zlib from Node). build.mjs calls it.
//
// "any" icons have the favicon's rounded corners; the "maskable" one fills the whole square (the phone cuts its
// own shape) and keeps the arrow inside the middle 80% circle that every mask leaves visible.
import { deflateSync } from 'node:zlib';

const BLUE = [0x1d, 0x4f, 0x91];
const WHITE = [0xff, 0xff, 0xff];
// The favicon's arrow in its 32-unit box: a shaft and a head, stroked 3 units wide with round ends.
const SEGMENTS = [
  [9, 16, 20, 16],
  [16, 11, 21, 16],
  [21, 16, 16, 21],
];
const HALF_STROKE = 1.5;

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 32 - r);
  const cy = Math.min(Math.max(y, r), 32 - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels of the icon, `size` square. */
export function iconPixels(size, { maskable = false } = {}) {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  // The maskable icon's arrow is drawn smaller about the centre: it spans 12 units of 32, and the safe circle is
  // 80% of the width, so scaled by 0.8 it stays well inside.
  const scale = maskable ? 0.8 : 1;
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < n; sy++)
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) / size) * 32;
          const y = ((py + (sy + 0.5) / n) / size) * 32;
          if (!maskable && !insideRoundedSquare(x, y, 6)) continue;
          bg++;
          const ax = 16 + (x - 16) / scale;
          const ay = 16 + (y - 16) / scale;
          if (SEGMENTS.some((s) => distanceToSegment(ax, ay, s) <= HALF_STROKE)) fg++;
        }
      const i = (py * size + px) * 4;
      const a = bg / (n * n);
      const f = bg ? fg / bg : 0;
      for (let c = 0; c < 3; c++) out[i + c] = Math.round(BLUE[c] * (1 - f) + WHITE[c] * f);
      out[i + 3] = Math.round(a * 255);
    }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG file of RGBA pixels. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // no filter
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The icons the manifest names: plain name → PNG bytes. */
export function appIcons() {
  return {
    'icon-192.png': encodePng(192, iconPixels(192)),
    'icon-512.png': encodePng(512, iconPixels(512)),
    'icon-maskable-512.png': encodePng(512, iconPixels(512, { maskable: true })),
  };
}
