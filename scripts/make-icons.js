#!/usr/bin/env node
/**
 * Writes the add-in icons assets/icon-{16,20,24,32,40,48,64,80,128}.png: a blue rounded square, white "Å".
 *
 * Run `node scripts/make-icons.js` after changing the drawing; the PNGs are committed, so the build
 * never depends on this script. Only node's zlib is used: the PNG container (signature, IHDR, IDAT,
 * IEND, a CRC-32 per chunk) is written by hand after the PNG specification (ISO/IEC 15948). The
 * output is deterministic for a given zlib, so re-running it yields no diff.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

// Ribbon: 16, 32 and 80 required, 20, 24, 40, 48 and 64 for high-DPI screens (manifest <Icon>
// reference); 32 and 64 also the IconUrl and HighResolutionIconUrl; 128 for listings.
const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128];
const OUT_DIR = path.join(__dirname, "..", "assets");

const BACKGROUND = [0x1d, 0x4e, 0x89]; // dark blue
const FOREGROUND = [0xff, 0xff, 0xff];
const SUPERSAMPLES = 4; // 4 x 4 samples per pixel for anti-aliased edges

// ---- The drawing, in unit coordinates: x to the right, y down, the icon is [0, 1] x [0, 1]. ----

function insideRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** Distance from (x, y) to the segment (ax, ay)-(bx, by). */
function distanceToSegment(x, y, ax, ay, bx, by) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** The letter Å: two legs, a crossbar, and a ring above the apex. */
function insideLetter(x, y) {
  const stroke = 0.07; // half the stroke width
  const apex = [0.5, 0.35];
  const baseline = 0.85;
  const leftFoot = [0.24, baseline];
  const rightFoot = [0.76, baseline];
  if (y <= baseline) {
    if (distanceToSegment(x, y, ...apex, ...leftFoot) <= stroke) return true;
    if (distanceToSegment(x, y, ...apex, ...rightFoot) <= stroke) return true;
    if (Math.abs(y - 0.67) <= 0.055 && x >= 0.33 && x <= 0.67) return true;
  }
  const ring = Math.hypot(x - 0.5, y - 0.165);
  return ring <= 0.11 && ring >= 0.05;
}

/** RGBA of one sample: transparent outside the square, white on the letter, blue elsewhere. */
function sample(x, y) {
  if (!insideRoundedSquare(x, y, 0.18)) return null;
  return insideLetter(x, y) ? FOREGROUND : BACKGROUND;
}

/** Rows of RGBA pixels (each row prefixed with PNG filter type 0, "None"). */
function render(size) {
  const rowLength = 1 + size * 4;
  const pixels = Buffer.alloc(rowLength * size);
  const n = SUPERSAMPLES * SUPERSAMPLES;
  for (let py = 0; py < size; py++) {
    pixels[py * rowLength] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SUPERSAMPLES; sy++) {
        for (let sx = 0; sx < SUPERSAMPLES; sx++) {
          const colour = sample(
            (px + (sx + 0.5) / SUPERSAMPLES) / size,
            (py + (sy + 0.5) / SUPERSAMPLES) / size,
          );
          if (colour === null) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const offset = py * rowLength + 1 + px * 4;
      if (covered > 0) {
        // Average the covered samples' colour (straight alpha); alpha is the coverage.
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
        pixels[offset + 3] = Math.round((255 * covered) / n);
      }
    }
  }
  return pixels;
}

// ---- The PNG container. ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0); // width
  header.writeUInt32BE(size, 4); // height
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: truecolour with alpha (RGBA)
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method 0
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(render(size), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
