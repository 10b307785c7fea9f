/** The little the icon check needs to know about PNG files. */
import { closeSync, openSync, readSync } from "node:fs";

/** Width and height from a PNG's IHDR, or null when the file is not a PNG. */
export function readPngSize(file: string): { width: number; height: number } | null {
  const head = Buffer.alloc(24);
  const fd = openSync(file, "r");
  let n: number;
  try {
    n = readSync(fd, head, 0, 24, 0);
  } finally {
    closeSync(fd);
  }
  const signature = "89504e470d0a1a0a";
  if (
    n < 24 ||
    head.toString("hex", 0, 8) !== signature ||
    head.toString("latin1", 12, 16) !== "IHDR"
  )
    return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The square size an icon file name promises (icon-16.png, logo-80x80.png), or null. */
export function sizeFromName(name: string): number | null {
  const m = /(?:^|[-_.])(\d{2,3})(?:x(\d{2,3}))?\.png$/i.exec(name);
  if (!m || (m[2] && m[2] !== m[1])) return null;
  return Number(m[1]);
}
