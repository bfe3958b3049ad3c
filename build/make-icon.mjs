// Draws build/icon.png (1024×1024), the app icon electron-builder turns into .icns/.ico/png sets:
// a ledger sheet with a check mark. Run `node build/make-icon.mjs` after changing the drawing.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4;

const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const t = Math.max(
    0,
    Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
};

// Painted in order; the last shape that contains a point gives its colour.
const layers = [
  [roundedRect(64, 64, 960, 960, 200), [47, 93, 138, 255]],
  [roundedRect(250, 190, 720, 830, 40), [250, 250, 247, 255]],
  ...[330, 420, 510, 600].map((y) => [roundedRect(320, y, 650, y + 34, 17), [176, 186, 197, 255]]),
  [circle(700, 720, 170), [46, 160, 96, 255]],
  [segment(620, 725, 680, 790, 44), [255, 255, 255, 255]],
  [segment(680, 790, 790, 660, 44), [255, 255, 255, 255]],
];

const pixels = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  const row = y * (SIZE * 4 + 1);
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const px = x + (sx + 0.5) / SAMPLES;
        const py = y + (sy + 0.5) / SAMPLES;
        let colour = [0, 0, 0, 0];
        for (const [inside, c] of layers) if (inside(px, py)) colour = c;
        for (let i = 0; i < 3; i++) sum[i] += colour[i] * colour[3];
        sum[3] += colour[3];
      }
    }
    const alpha = sum[3] / (SAMPLES * SAMPLES);
    const offset = row + 1 + x * 4;
    for (let i = 0; i < 3; i++) pixels[offset + i] = sum[3] ? Math.round(sum[i] / sum[3]) : 0;
    pixels[offset + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(pixels, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
