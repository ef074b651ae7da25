/**
 * Reads and validates a PNG well enough for tests (PNG specification, W3C 2nd edition): signature,
 * chunk lengths and CRC-32s, IHDR first, IEND last, and IDAT data that inflates to exactly the size
 * the header implies. Written independently of scripts/make-icons.js, so it checks that script too.
 */
import * as zlib from "zlib";

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Samples per pixel for each colour type (greyscale, RGB, palette, grey + alpha, RGBA).
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Parses `bytes` as a non-interlaced PNG; throws an Error naming the first defect. */
export function readPng(bytes: Buffer): PngInfo {
  if (bytes.length < SIGNATURE.length || !bytes.subarray(0, 8).equals(SIGNATURE))
    throw new Error("not a PNG signature");
  const chunks: { type: string; data: Buffer }[] = [];
  let pos = 8;
  while (pos < bytes.length) {
    if (pos + 12 > bytes.length) throw new Error(`truncated chunk at byte ${pos}`);
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString("latin1", pos + 4, pos + 8);
    if (pos + 12 + length > bytes.length) throw new Error(`chunk ${type} overruns the file`);
    const data = bytes.subarray(pos + 8, pos + 8 + length);
    if (crc32(bytes.subarray(pos + 4, pos + 8 + length)) !== bytes.readUInt32BE(pos + 8 + length)) {
      throw new Error(`bad CRC in chunk ${type}`);
    }
    chunks.push({ type, data });
    pos += 12 + length;
  }
  if (chunks[0]?.type !== "IHDR" || chunks[0].data.length !== 13)
    throw new Error("IHDR must be the first chunk");
  if (chunks[chunks.length - 1].type !== "IEND") throw new Error("IEND must be the last chunk");

  const header = chunks[0].data;
  const info: PngInfo = {
    width: header.readUInt32BE(0),
    height: header.readUInt32BE(4),
    bitDepth: header[8],
    colourType: header[9],
  };
  const channels = CHANNELS[info.colourType];
  if (channels === undefined) throw new Error(`unknown colour type ${info.colourType}`);
  if (info.width === 0 || info.height === 0) throw new Error("zero width or height");
  if (header[12] !== 0) throw new Error("interlaced PNGs are not handled here");

  const compressed = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  if (compressed.length === 0) throw new Error("no IDAT chunk");
  const raw = zlib.inflateSync(compressed);
  const rowBytes = 1 + Math.ceil((info.width * channels * info.bitDepth) / 8);
  if (raw.length !== rowBytes * info.height) {
    throw new Error(`image data is ${raw.length} bytes, expected ${rowBytes * info.height}`);
  }
  for (let row = 0; row < info.height; row++) {
    if (raw[row * rowBytes] > 4)
      throw new Error(`row ${row} has unknown filter type ${raw[row * rowBytes]}`);
  }
  return info;
}
