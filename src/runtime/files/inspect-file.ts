import type { MaterialModel, PhotoSpec } from '../../ir/types.js';
import { MAX_ATTACHMENT_BYTES } from '../../submission/limits.js';
import { formatBytes } from './format-bytes.js';
import { type JpegDensity, type JpegInfo, readJpeg, stripJpegMetadata } from './jpeg.js';
import { findActivePdfContent } from './pdf.js';
import { photoBackgroundWarning } from './photo-background.js';
import { readPng, stripPngMetadata } from './png.js';
import { type SniffedType, sniffType } from './sniff.js';

/** A file accepted for a material: its final bytes (metadata stripped) and a safe name. */
export interface HeldFile {
  /** Id of the material it provides. */
  readonly material: string;
  /** File name as sent: the person's name for it, without path separators or control characters. */
  readonly name: string;
  readonly mediaType: SniffedType;
  readonly bytes: Uint8Array;
}

/** Why a file was refused; `params` fill the message template of `code`. */
export interface FileProblem {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Largest image accepted, in pixels (SECURITY.md §2 "Files": 25 Mpx). */
export const MAX_PIXELS = 25_000_000;

/** Media types a material takes when the model does not say. */
const DEFAULT_ACCEPT: readonly SniffedType[] = ['image/jpeg', 'image/png', 'application/pdf'];
const TYPE_NAMES: Readonly<Record<string, string>> = { 'image/jpeg': 'JPG', 'image/png': 'PNG', 'application/pdf': 'PDF' };


/**
 * A file name safe to send and show: the last path segment, without control,
 * bidi or zero-width characters, at most 100 characters, never empty.
 */
export function safeFileName(name: string, type: SniffedType): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .trim();
  const ext = type === 'application/pdf' ? 'pdf' : type === 'image/png' ? 'png' : 'jpg';
  const cut = [...base].slice(0, 100).join('');
  return cut === '' || cut === '.' || cut === '..' ? `file.${ext}` : cut;
}

/** Dots per centimetre equal to `dpi` dots per inch, as JFIF stores it (350 dpi → 138). */
function dpcm(dpi: number): number {
  return Math.round(dpi / 2.54);
}

/**
 * The problems of a JPEG against a photo specification (DOMAIN.md §9): pixel
 * size from SOFn, colour from its component count, resolution from JFIF APP0
 * or EXIF, and an EXIF orientation that would make the shown size differ.
 *
 * @param info - what {@link readJpeg} read.
 * @param spec - the material's photo specification.
 * @returns every problem, so the person can fix them all at once.
 */
export function checkPhoto(info: JpegInfo, spec: PhotoSpec): FileProblem[] {
  const problems: FileProblem[] = [];
  if (info.width !== spec.width || info.height !== spec.height) {
    problems.push({ code: 'E_PHOTO_PIXELS', params: { width: spec.width, height: spec.height, actualWidth: info.width, actualHeight: info.height } });
  }
  if (spec.colour && info.components !== 3) problems.push({ code: 'E_PHOTO_COLOUR', params: {} });
  const d = info.density;
  const dpiOk = d !== undefined && ((d.units === 1 && d.x === spec.dpi && d.y === spec.dpi) || (d.units === 2 && d.x === dpcm(spec.dpi) && d.y === dpcm(spec.dpi)));
  if (!dpiOk) {
    const actual = d === undefined || d.units === 0 ? '—' : d.units === 1 ? `${d.x}×${d.y} DPI` : `${d.x}×${d.y} dots/cm`;
    problems.push({ code: 'E_PHOTO_DPI', params: { dpi: spec.dpi, actual } });
  }
  if (info.orientation !== undefined && info.orientation !== 1) problems.push({ code: 'E_PHOTO_ORIENTATION', params: {} });
  return problems;
}

/**
 * A file held (with warnings that do not refuse it, e.g. a photo whose
 * background does not look white), or refused with every problem found.
 */
type Inspected =
  | { readonly ok: true; readonly file: HeldFile; readonly warnings: readonly FileProblem[] }
  | { readonly ok: false; readonly problems: readonly FileProblem[] };

function refuse(code: string, params: Readonly<Record<string, string | number>> = {}): Inspected {
  return { ok: false, problems: [{ code, params }] };
}

/**
 * Checks a picked or dropped file for a material and prepares the bytes that
 * leave the browser (SECURITY.md §2 "Files", §3 cases 27–29):
 *
 * 1. size against 5 MiB before reading anything;
 * 2. type by magic bytes against the material's `accept`;
 * 3. JPEG and PNG: the header's pixel count (≤ 25 Mpx), a photo's specification
 *    (a photo with the right pixels but another DPI gets the DPI declared, with
 *    the notice `W_PHOTO_DPI_SET`), then location metadata stripped
 *    losslessly (EXIF/GPS, text chunks, tails);
 * 4. PDF: refused when it holds `/JavaScript`, `/OpenAction`, `/AA` or `/Launch`;
 * 5. the final size against the material's `minBytes`/`maxBytes`;
 * 6. a photo whose background does not look white is held with the warning
 *    `W_PHOTO_BACKGROUND` (DOMAIN.md §9: a heuristic, so never a refusal).
 *
 * @param file - the file (a `File` or any `Blob` with a name).
 * @param material - the material it is for.
 * @returns the file to hold with its warnings, or every problem found.
 */
export async function inspectFile(file: Blob & { readonly name?: string }, material: MaterialModel): Promise<Inspected> {
  const cap = Math.min(material.maxBytes ?? MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_BYTES);
  // A stripped photo may shrink below the material's maximum, but never below the hard cap: check that first.
  if (file.size > MAX_ATTACHMENT_BYTES) return refuse('E_FILE_TOO_LARGE', { limit: formatBytes(cap) });
  const raw = new Uint8Array(await file.arrayBuffer());
  const type = sniffType(raw);
  const accept = (material.accept ?? DEFAULT_ACCEPT).filter((t): t is SniffedType => Object.hasOwn(TYPE_NAMES, t));
  if (type === undefined || !accept.includes(type)) {
    return refuse('E_FILE_TYPE', { types: accept.map((t) => TYPE_NAMES[t]).join(' / ') });
  }
  let bytes: Uint8Array | undefined = raw;
  const warnings: FileProblem[] = [];
  if (type === 'image/jpeg') {
    const info = readJpeg(raw);
    if (info === undefined) return refuse('E_FILE_CORRUPT');
    if (info.width * info.height > MAX_PIXELS) return refuse('E_FILE_PIXELS', { limit: '25' });
    let density: JpegDensity | undefined;
    if (material.photo !== undefined) {
      const problems = checkPhoto(info, material.photo);
      // The DPI is a header value, not the picture: with the right pixels it is set, losslessly (DOMAIN.md §9).
      const blocking = problems.filter((p) => p.code !== 'E_PHOTO_DPI');
      if (blocking.length > 0) return { ok: false, problems: blocking };
      const dpi = problems.find((p) => p.code === 'E_PHOTO_DPI');
      if (dpi !== undefined) {
        density = { units: 1, x: material.photo.dpi, y: material.photo.dpi, source: 'jfif' };
        warnings.push({ code: 'W_PHOTO_DPI_SET', params: dpi.params });
      }
    }
    bytes = stripJpegMetadata(raw, density);
  } else if (type === 'image/png') {
    const size = readPng(raw);
    if (size === undefined) return refuse('E_FILE_CORRUPT');
    if (size.width * size.height > MAX_PIXELS) return refuse('E_FILE_PIXELS', { limit: '25' });
    bytes = stripPngMetadata(raw);
  } else {
    const active = await findActivePdfContent(raw);
    if (active !== undefined) return refuse('E_PDF_ACTIVE', { name: active });
  }
  if (bytes === undefined) return refuse('E_FILE_CORRUPT');
  if (bytes.length > cap) return refuse('E_FILE_TOO_LARGE', { limit: formatBytes(cap) });
  if (material.minBytes !== undefined && bytes.length < material.minBytes) {
    return refuse('E_FILE_TOO_SMALL', { limit: formatBytes(material.minBytes) });
  }
  const background = material.photo !== undefined && type === 'image/jpeg' ? await photoBackgroundWarning(bytes) : undefined;
  if (background !== undefined) warnings.push(background);
  return { ok: true, file: { material: material.id, name: safeFileName(file.name ?? '', type), mediaType: type, bytes }, warnings };
}
