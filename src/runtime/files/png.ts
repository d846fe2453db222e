/**
 * PNG chunk reading and metadata stripping: the size from IHDR, and a copy
 * with only the chunks an image needs (no eXIf location, text or time chunks,
 * nothing after IEND). Chunks are copied whole with their CRCs.
 */

/** Chunks kept: the critical ones and those that change how the pixels look. */
const KEPT = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs']);

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) * 0x1000000 + (((b[at + 1] ?? 0) << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0))) >>> 0;
}

/** Width and height of a PNG from its IHDR chunk, or `undefined` when there is none. */
export function readPng(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  return { width: u32(bytes, 16), height: u32(bytes, 20) };
}

/**
 * A copy of a PNG with only the chunks in {@link KEPT}, ending at IEND.
 *
 * @param bytes - a PNG.
 * @returns the stripped PNG, or `undefined` when its chunk structure is broken.
 */
export function stripPngMetadata(bytes: Uint8Array): Uint8Array | undefined {
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let pos = 8;
  for (;;) {
    if (pos + 12 > bytes.length) return undefined;
    const length = u32(bytes, pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const end = pos + 12 + length;
    if (end > bytes.length) return undefined;
    if (KEPT.has(type)) parts.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
