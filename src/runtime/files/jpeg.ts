/**
 * JPEG segment reading and lossless metadata stripping (DOMAIN.md §9, §11.7).
 * No decoding: the entropy-coded data is copied byte for byte, so the size,
 * colour and resolution of the photo are exactly what they were.
 */

/** Resolution as a JPEG records it. */
export interface JpegDensity {
  /** 1 = dots per inch, 2 = dots per centimetre, 0 = aspect ratio only. */
  readonly units: 0 | 1 | 2;
  readonly x: number;
  readonly y: number;
  /** Where it was read: the JFIF APP0 segment or the EXIF (APP1) tags. */
  readonly source: 'jfif' | 'exif';
}

/** What the segments of a JPEG say about it. */
export interface JpegInfo {
  readonly width: number;
  readonly height: number;
  /** Colour components of the frame: 3 = colour (YCbCr), 1 = greyscale, 4 = CMYK. */
  readonly components: number;
  readonly density: JpegDensity | undefined;
  /** EXIF Orientation (0x0112), when present. */
  readonly orientation: number | undefined;
  /** Whether an APP1 (EXIF or XMP) segment is present. */
  readonly hasApp1: boolean;
  /** Bytes after the end-of-image marker (a ZIP or script appended to the photo). */
  readonly trailing: number;
}

/** One segment of the file: marker and the byte range it covers (marker included). */
interface Segment {
  readonly marker: number;
  readonly start: number;
  readonly end: number;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const APP0 = 0xe0;
const APP1 = 0xe1;

/** SOFn: C0–CF except DHT (C4), JPG (C8) and DAC (CC). */
function isSof(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

/**
 * Splits a JPEG into its segments, the entropy-coded data after each SOS
 * included in that SOS segment, up to and including EOI.
 *
 * @returns the segments and where EOI ends, or `undefined` when the structure is broken.
 */
function segments(b: Uint8Array): { list: Segment[]; end: number } | undefined {
  if (b[0] !== 0xff || b[1] !== SOI) return undefined;
  const list: Segment[] = [{ marker: SOI, start: 0, end: 2 }];
  let pos = 2;
  while (pos < b.length) {
    if (b[pos] !== 0xff) return undefined;
    // Fill bytes: any number of FF before a marker (ITU T.81 B.1.1.2).
    while (b[pos + 1] === 0xff) pos += 1;
    const marker = b[pos + 1];
    if (marker === undefined) return undefined;
    if (marker === EOI) {
      list.push({ marker, start: pos, end: pos + 2 });
      return { list, end: pos + 2 };
    }
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      list.push({ marker, start: pos, end: pos + 2 });
      pos += 2;
      continue;
    }
    const length = u16(b, pos + 2);
    if (length < 2 || pos + 2 + length > b.length) return undefined;
    let end = pos + 2 + length;
    if (marker === SOS) {
      // Entropy-coded data runs to the next marker that is not a stuffed FF00 or a restart marker.
      while (end < b.length) {
        if (b[end] === 0xff) {
          const next = b[end + 1] ?? 0;
          if (next !== 0 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        end += 1;
      }
    }
    list.push({ marker, start: pos, end });
    pos = end;
  }
  return undefined;
}

/** Reads Orientation and resolution from an EXIF APP1 payload (TIFF structure), bounds-checked. */
function readExif(b: Uint8Array, start: number, end: number): { orientation?: number; density?: JpegDensity } {
  // "Exif\0\0" then the TIFF header.
  const tiff = start + 10;
  if (end - tiff < 8 || String.fromCharCode(...b.subarray(start + 4, start + 8)) !== 'Exif') return {};
  const little = b[tiff] === 0x49;
  const r16 = (at: number): number => (little ? (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8) : u16(b, at));
  const r32 = (at: number): number => (little ? r16(at) + r16(at + 2) * 65536 : r16(at) * 65536 + r16(at + 2));
  const ifd = tiff + r32(tiff + 4);
  if (ifd + 2 > end) return {};
  const count = r16(ifd);
  let orientation: number | undefined;
  let unit = 2;
  let x: number | undefined;
  let y: number | undefined;
  const rational = (entry: number): number | undefined => {
    const at = tiff + r32(entry + 8);
    if (at + 8 > end) return undefined;
    const den = r32(at + 4);
    return den === 0 ? undefined : r32(at) / den;
  };
  for (let i = 0; i < count; i += 1) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) break;
    const tag = r16(entry);
    if (tag === 0x0112) orientation = r16(entry + 8);
    else if (tag === 0x0128) unit = r16(entry + 8);
    else if (tag === 0x011a) x = rational(entry);
    else if (tag === 0x011b) y = rational(entry);
  }
  const out: { orientation?: number; density?: JpegDensity } = {};
  if (orientation !== undefined) out.orientation = orientation;
  if (x !== undefined && y !== undefined && (unit === 2 || unit === 3)) {
    out.density = { units: unit === 2 ? 1 : 2, x: Math.round(x), y: Math.round(y), source: 'exif' };
  }
  return out;
}

/**
 * Reads the frame size, colour components, resolution and orientation of a
 * JPEG from its segments (SOFn, JFIF APP0, EXIF APP1), without decoding it.
 *
 * @param bytes - the file's bytes.
 * @returns the facts, or `undefined` when the file is not a well-formed JPEG.
 */
export function readJpeg(bytes: Uint8Array): JpegInfo | undefined {
  const parsed = segments(bytes);
  if (parsed === undefined) return undefined;
  let frame: { width: number; height: number; components: number } | undefined;
  let jfif: JpegDensity | undefined;
  let exif: { orientation?: number; density?: JpegDensity } = {};
  let hasApp1 = false;
  for (const s of parsed.list) {
    if (isSof(s.marker) && frame === undefined && s.end - s.start >= 10) {
      frame = { height: u16(bytes, s.start + 5), width: u16(bytes, s.start + 7), components: bytes[s.start + 9] ?? 0 };
    } else if (s.marker === APP0 && s.end - s.start >= 18 && String.fromCharCode(...bytes.subarray(s.start + 4, s.start + 9)) === 'JFIF\0') {
      const units = bytes[s.start + 11] ?? 0;
      jfif = { units: units === 1 || units === 2 ? units : 0, x: u16(bytes, s.start + 12), y: u16(bytes, s.start + 14), source: 'jfif' };
    } else if (s.marker === APP1) {
      hasApp1 = true;
      exif = { ...exif, ...readExif(bytes, s.start, s.end) };
    }
  }
  if (frame === undefined || frame.width === 0 || frame.height === 0) return undefined;
  return {
    ...frame,
    density: jfif !== undefined && jfif.units !== 0 ? jfif : (exif.density ?? jfif),
    orientation: exif.orientation,
    hasApp1,
    trailing: bytes.length - parsed.end,
  };
}

const APP2 = 0xe2;
const APP14 = 0xee;
const COM = 0xfe;

/** Whether the segment's payload starts with `signature` (after marker and length). */
function signed(b: Uint8Array, s: Segment, signature: string): boolean {
  if (s.end - s.start < 4 + signature.length) return false;
  for (let i = 0; i < signature.length; i += 1) if (b[s.start + 4 + i] !== signature.charCodeAt(i)) return false;
  return true;
}

/**
 * Whether a metadata segment stays (SECURITY.md §2 "Files": only what the
 * picture needs). Kept: APP0 `JFIF` (resolution; the photo rules read it),
 * APP2 `ICC_PROFILE` (colours) and APP14 `Adobe` (its colour transform says
 * whether the scans are YCbCr or RGB/CMYK: without it a decoder may show wrong
 * colours). Dropped: COM comments (free text, e.g. `<script>`), APP1 (EXIF
 * with GPS and the camera's thumbnail; XMP), APP13 (Photoshop IRB/IPTC, which
 * can name a place), every other APPn (maker notes, `JFXX` thumbnails, MPF
 * second pictures, FlashPix) and an APP0 or APP2 of another kind. Tables,
 * frame, scans and restart markers are not metadata and always stay.
 */
function keepsSegment(b: Uint8Array, s: Segment): boolean {
  if (s.marker === COM) return false;
  if (s.marker < APP0 || s.marker > 0xef) return true;
  if (s.marker === APP0) return signed(b, s, 'JFIF\0');
  if (s.marker === APP2) return signed(b, s, 'ICC_PROFILE\0');
  if (s.marker === APP14) return signed(b, s, 'Adobe');
  return false;
}

/** The first 18 bytes of a JFIF APP0 as a whole segment: length 16, thumbnail 0×0. */
function withoutThumbnail(head: Uint8Array): Uint8Array {
  const out = head.slice();
  out[2] = 0;
  out[3] = 16;
  out[16] = 0;
  out[17] = 0;
  return out;
}

/** A JFIF APP0 segment (18 bytes) declaring `density` instead of its own. */
function withDensity(jfif: Uint8Array, density: JpegDensity): Uint8Array {
  const out = jfif.slice();
  if (out.length < 16) return out;
  const x = Math.min(density.x, 0xffff);
  const y = Math.min(density.y, 0xffff);
  out.set([density.units, x >> 8, x & 0xff, y >> 8, y & 0xff], 11);
  return out;
}

/** A JFIF APP0 segment with the given density. */
function jfifSegment(density: JpegDensity): Uint8Array {
  const x = Math.min(density.x, 0xffff);
  const y = Math.min(density.y, 0xffff);
  // FFE0, length 16, "JFIF\0", version 1.02, units, Xdensity, Ydensity, no thumbnail.
  return Uint8Array.of(0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 2, density.units, x >> 8, x & 0xff, y >> 8, y & 0xff, 0, 0);
}

/**
 * A copy of a JPEG without its metadata: no comment (COM), no APPn but JFIF,
 * the ICC profile and Adobe's colour transform (so no EXIF with GPS, XMP,
 * IPTC or embedded thumbnail; a JFIF thumbnail is dropped too), nothing after
 * EOI (an appended ZIP or script). Quantisation and Huffman tables, the frame
 * and the scans are copied byte for byte: nothing is re-encoded. When the
 * resolution lived only in EXIF, a JFIF APP0 carrying it is written after
 * SOI, so a photo that met the DPI rule still does. With `density`, the
 * JFIF APP0 (written if there is none) declares that resolution instead: a
 * header value only, the pixels are the same.
 *
 * @param bytes - a JPEG.
 * @param density - the resolution to declare (a photo whose pixel size is right but whose DPI is not).
 * @returns the stripped JPEG, or `undefined` when the file is not a well-formed JPEG.
 */
export function stripJpegMetadata(bytes: Uint8Array, density?: JpegDensity): Uint8Array | undefined {
  const parsed = segments(bytes);
  const info = readJpeg(bytes);
  if (parsed === undefined || info === undefined) return undefined;
  const parts: Uint8Array[] = [];
  const hasJfif = parsed.list.some((s) => s.marker === APP0 && keepsSegment(bytes, s));
  const written = density ?? (info.density?.source === 'exif' ? info.density : undefined);
  for (const s of parsed.list) {
    if (!keepsSegment(bytes, s)) continue;
    if (s.marker === APP0) {
      // A JFIF APP0 longer than 18 bytes carries a thumbnail, which may show what the photo was cropped from.
      const jfif = s.end - s.start > 18 ? withoutThumbnail(bytes.subarray(s.start, s.start + 18)) : bytes.slice(s.start, s.end);
      parts.push(density === undefined ? jfif : withDensity(jfif, density));
    } else parts.push(bytes.subarray(s.start, s.end));
    if (s.marker === SOI && !hasJfif && written !== undefined) parts.push(jfifSegment(written));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
