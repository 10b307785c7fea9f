// Draws the CrewRate mark (a white clapperboard on a deep-teal rounded square) and writes it as
// PNG icons into assets/. No image library: shapes are tested per sub-pixel (8×8 supersampling
// gives the anti-aliased edges) and the PNG chunks are written by hand with node:zlib.
//
//   node scripts/make-icons.mjs [outDir]     (default: assets/ at the repo root)
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

// ---------------------------------------------------------------- PNG encoding

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309, as PNG uses it) of a byte sequence. */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Encodes straight (non-premultiplied) RGBA pixels, row by row, as an 8-bit RGBA PNG. */
export function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- geometry (unit square, y down)

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Rotates (x, y) by -angle around (px, py): the point in the frame of a shape rotated by angle. */
function unrotate(x, y, px, py, angle) {
  const c = Math.cos(-angle);
  const s = Math.sin(-angle);
  const dx = x - px;
  const dy = y - py;
  return [px + dx * c - dy * s, py + dx * s + dy * c];
}

/** Diagonal bands: true on the "dark" half of each period. */
function onStripe(x, y, period, slant) {
  const t = (x + y * slant) / period;
  return t - Math.floor(t) < 0.5;
}

const TEAL_TOP = [20, 128, 128];
const TEAL_BOTTOM = [9, 84, 89];
const WHITE = [255, 255, 255];

// The clapperboard, in unit coordinates.
const BOARD = { x0: 0.21, x1: 0.79, y0: 0.47, y1: 0.79, r: 0.05 };
const BAND = 0.11; // height of the striped band at the top of the board
const ARM = { x0: 0.21, x1: 0.79, y0: 0.3, y1: 0.41, r: 0.03, angle: -0.26 }; // hinged at left

/**
 * Colour of the mark at a point: null outside the tile, else an [r, g, b] triple.
 * Tiny sizes (`small`) drop the stripes, which would blur to grey, for one clean cut line.
 */
function sample(x, y, inset, small) {
  if (!insideRoundedRect(x, y, inset, inset, 1 - inset, 1 - inset, 0.2)) return null;
  const t = (y - inset) / (1 - 2 * inset);
  const teal = TEAL_TOP.map((c, i) => c + (TEAL_BOTTOM[i] - c) * t);

  if (insideRoundedRect(x, y, BOARD.x0, BOARD.y0, BOARD.x1, BOARD.y1, BOARD.r)) {
    if (small) return y >= BOARD.y0 + BAND - 0.035 && y < BOARD.y0 + BAND + 0.035 ? teal : WHITE;
    if (y < BOARD.y0 + BAND && onStripe(x - BOARD.x0, y, 0.16, 0.9)) return teal;
    if (y >= BOARD.y0 + BAND && y < BOARD.y0 + BAND + 0.02) return teal; // band edge
    return WHITE;
  }
  // The arm: a bar lifted about 15° around its lower-left corner (the hinge).
  const [ax, ay] = unrotate(x, y, ARM.x0, ARM.y1, ARM.angle);
  if (insideRoundedRect(ax, ay, ARM.x0, ARM.y0, ARM.x1, ARM.y1, ARM.r)) {
    return !small && onStripe(ax - ARM.x0, ay, 0.16, -0.9) ? teal : WHITE;
  }
  return teal;
}

/** Renders the mark at size×size with `ss`×`ss` samples per pixel; returns straight RGBA. */
export function renderIcon(size, ss = 8) {
  const rgba = new Uint8Array(size * size * 4);
  const small = size <= 20;
  const inset = Math.round(0.03 * size) / size; // keep the tile's edges on whole pixels
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const colour = sample(
            (px + (sx + 0.5) / ss) / size,
            (py + (sy + 0.5) / ss) / size,
            inset,
            small,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered++;
        }
      }
      const i = (py * size + px) * 4;
      if (covered === 0) continue; // fully transparent
      rgba[i] = Math.round(r / covered);
      rgba[i + 1] = Math.round(g / covered);
      rgba[i + 2] = Math.round(b / covered);
      rgba[i + 3] = Math.round((255 * covered) / (ss * ss));
    }
  }
  return rgba;
}

function main() {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const outDir = process.argv[2] ?? join(root, "assets");
  mkdirSync(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, size, renderIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
