/**
 * Attachments (SECURITY.md §2 "Files", "Attachment tampering", §3 cases
 * 26–29). Case 26 is the verifier's: the signed digests bind the files. Cases
 * 27–29 are checked here on `inspectFile`, the one function every picked or
 * dropped file goes through before it is held, drafted or sent (the element's
 * file input is exercised in the browser suite once it is wired).
 */
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { MaterialModel } from '../../src/ir/types.js';
import { inspectFile } from '../../src/runtime/files/inspect-file.js';
import { readJpeg } from '../../src/runtime/files/jpeg.js';
import { describeAttachment, sha256Hex } from '../../src/submission/attachments.js';
import { MAX_ATTACHMENT_BYTES } from '../../src/submission/limits.js';
import { verify } from '../../src/submission/verify.js';
import { testKey } from '../submission/helpers.js';
import { builtModel, builtRegistry, examplePayload, signWith } from './helpers.js';

interface Piexif {
  GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number };
  ImageIFD: { Make: number };
  dump(exif: Record<string, unknown>): string;
  insert(exif: string, jpeg: string): string;
  load(jpeg: string): Record<string, Record<string, unknown> | null>;
}
const piexif = createRequire(import.meta.url)('piexifjs') as Piexif;

type Key = Awaited<ReturnType<typeof testKey>>;
let key: Key;
let idMaterial: MaterialModel;
let photoMaterial: MaterialModel;

beforeAll(async () => {
  key = await testKey();
  const model = await builtModel('shandong');
  idMaterial = model.materials.find((m) => m.id === 'identityDocument') as MaterialModel;
  photoMaterial = model.materials.find((m) => m.id === 'whiteBackgroundPhoto') as MaterialModel;
  expect(idMaterial?.channels).toContain('upload');
});

const bytes = (...parts: (number[] | Uint8Array | string)[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : [...p])));
const u16 = (n: number) => [n >> 8, n & 0xff];

/**
 * A structurally valid baseline JPEG (SOI, JFIF, DQT, SOF0, DHT, SOS + scan
 * data, EOI), `width`×`height`, 3 components: what the widget's segment
 * reader needs. Nothing here decodes pixels, so the scan bytes are filler.
 */
function jpeg(width = 16, height = 16): Uint8Array {
  return bytes(
    [0xff, 0xd8],
    [0xff, 0xe0, 0, 16], 'JFIF\0', [1, 2, 1, 0, 72, 0, 72, 0, 0],
    [0xff, 0xdb, 0, 67, 0], new Array(64).fill(1),
    [0xff, 0xc0, 0, 17, 8, ...u16(height), ...u16(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    [0xff, 0xc4, 0, 20, 0, 1], new Array(15).fill(0), [0],
    [0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0], new Array(32).fill(0x12),
    [0xff, 0xd9],
  );
}

const binary = (b: Uint8Array) => String.fromCharCode(...b);
const fromBinary = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const file = (content: Uint8Array, name: string, type = 'image/jpeg') => new File([content as Uint8Array<ArrayBuffer>], name, { type });
const has = (haystack: Uint8Array, needle: string) => binary(haystack).includes(needle);

/** Segment markers of a JPEG, in order (scan data skipped). */
function markers(b: Uint8Array): number[] {
  const out: number[] = [];
  let pos = 2;
  while (pos + 4 <= b.length && b[pos] === 0xff) {
    const m = b[pos + 1] ?? 0;
    out.push(m);
    if (m === 0xd9 || m === 0xda) break;
    pos += 2 + (((b[pos + 2] ?? 0) << 8) | (b[pos + 3] ?? 0));
  }
  return out;
}

describe('case 26: files are bound to the signature by their digests', () => {
  const A = bytes('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const B = bytes('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<</Size 2>>\n%%EOF\n');

  async function tokenFor(...files: Uint8Array[]) {
    const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
    payload.attachments = await Promise.all(files.map((b, i) => describeAttachment({ field: 'identityDocument', name: `证件${i + 1}.pdf`, mediaType: 'application/pdf', bytes: b })));
    return { token: await signWith(key, payload), now };
  }

  it('accepts the declared file (control)', async () => {
    const { token, now } = await tokenFor(A);
    expect(await verify(token, { forms: builtRegistry, now, attachments: new Map([['证件1.pdf', A]]) })).toMatchObject({ ok: true, attachmentsChecked: true });
  });

  it('file B uploaded for a declared A → E_ATTACHMENT_DIGEST', async () => {
    const { token, now } = await tokenFor(A);
    expect(await verify(token, { forms: builtRegistry, now, attachments: new Map([['证件1.pdf', B]]) })).toMatchObject({ ok: false, code: 'E_ATTACHMENT_DIGEST', pointer: '/attachments/0' });
  });

  it('a missing file → E_ATTACHMENT_DIGEST', async () => {
    const { token, now } = await tokenFor(A, B);
    expect(await verify(token, { forms: builtRegistry, now, attachments: new Map([['证件1.pdf', A]]) })).toMatchObject({ ok: false, code: 'E_ATTACHMENT_DIGEST', pointer: '/attachments/1' });
  });

  it('an extra file → E_ATTACHMENT_DIGEST', async () => {
    const { token, now } = await tokenFor(A);
    const files = new Map([['证件1.pdf', A], ['extra.pdf', B]]);
    expect(await verify(token, { forms: builtRegistry, now, attachments: files })).toMatchObject({ ok: false, code: 'E_ATTACHMENT_DIGEST', pointer: '/attachments' });
  });

  it('the same bytes one byte longer → E_ATTACHMENT_DIGEST', async () => {
    const { token, now } = await tokenFor(A);
    expect(await verify(token, { forms: builtRegistry, now, attachments: new Map([['证件1.pdf', bytes(A, [0x0a])]]) })).toMatchObject({ ok: false, code: 'E_ATTACHMENT_DIGEST' });
  });
});

describe('case 27: a JPEG with EXIF GPS is sent without it, and its digest matches', () => {
  it('inspectFile drops APP1 and every GPS tag; the payload digest is of the bytes held', async () => {
    const exif = piexif.dump({
      '0th': { [piexif.ImageIFD.Make]: 'yibiao-test-camera' },
      GPS: { [piexif.GPSIFD.GPSLatitudeRef]: 'N', [piexif.GPSIFD.GPSLatitude]: [[36, 1], [40, 1], [1234, 100]], [piexif.GPSIFD.GPSLongitudeRef]: 'E', [piexif.GPSIFD.GPSLongitude]: [[117, 1], [0, 1], [0, 1]] },
    });
    const tagged = fromBinary(piexif.insert(exif, binary(jpeg())));
    expect(markers(tagged)).toContain(0xe1);
    expect(piexif.load(binary(tagged)).GPS).toMatchObject({ [piexif.GPSIFD.GPSLatitudeRef]: 'N' });
    expect(readJpeg(tagged)?.hasApp1).toBe(true);

    const result = await inspectFile(file(tagged, 'IMG_0001.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sent = result.file.bytes;
    expect(markers(sent)).not.toContain(0xe1);
    expect(readJpeg(sent)).toMatchObject({ hasApp1: false, width: 16, height: 16 });
    for (const trace of ['Exif', 'yibiao-test-camera', 'GPS']) expect(has(sent, trace), trace).toBe(false);

    const ref = await describeAttachment({ field: 'identityDocument', name: result.file.name, mediaType: result.file.mediaType, bytes: sent });
    expect(ref.sha256).toBe(await sha256Hex(sent));
    expect(ref.size).toBe(sent.length);
    const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
    payload.attachments = [ref];
    const verdict = await verify(await signWith(key, payload), { forms: builtRegistry, now, attachments: new Map([[ref.name, sent]]) });
    expect(verdict).toMatchObject({ ok: true, attachmentsChecked: true });
  });
});

describe('case 28: disguised files are stripped or rejected', () => {
  it('a JPEG with a ZIP appended after EOI → the tail is stripped', async () => {
    const zip = bytes([0x50, 0x4b, 0x03, 0x04], 'evil.html<script>alert(1)</script>', [0x50, 0x4b, 0x05, 0x06], new Array(18).fill(0));
    const polyglot = bytes(jpeg(), zip);
    expect(readJpeg(polyglot)?.trailing).toBe(zip.length);
    const result = await inspectFile(file(polyglot, 'photo.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.bytes.length).toBe(jpeg().length);
    expect(has(result.file.bytes, 'PK')).toBe(false);
    expect(has(result.file.bytes, '<script>')).toBe(false);
  });

  it('HTML named .jpg and labelled image/jpeg → E_FILE_TYPE', async () => {
    const result = await inspectFile(file(bytes('<!doctype html><script>alert(1)</script>'), 'photo.jpg'), idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_TYPE' }] });
  });

  it('SVG with a script, labelled image/jpeg → E_FILE_TYPE (never SVG)', async () => {
    const svg = bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    const result = await inspectFile(file(svg, 'photo.jpg', 'image/jpeg'), idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_TYPE' }] });
  });

  it('a PDF offered for a JPEG-only material → E_FILE_TYPE', async () => {
    const result = await inspectFile(file(bytes('%PDF-1.7\n%%EOF'), 'photo.jpg'), photoMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_TYPE' }] });
  });

  it('a file name with a path, controls and bidi characters is sent as its last, cleaned segment', async () => {
    const result = await inspectFile(file(jpeg(), '../../etc/\u202egpj.exe\u0000.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.file.name).toBe('gpj.exe.jpg');
  });
});

describe('case 29: dangerous files are rejected before anything is decoded', () => {
  it.each([
    ['/OpenAction', '1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj'],
    ['/JavaScript', '2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj'],
    ['/AA', '3 0 obj<</Type/Page/AA<</O 2 0 R>>>>endobj'],
    ['/Launch', '4 0 obj<</S/Launch/F(cmd.exe)>>endobj'],
    ['/J#61vaScript (an escaped name)', '2 0 obj<</S/J#61vaScript/JS(app.alert(1))>>endobj'],
  ])('a PDF with %s → E_PDF_ACTIVE', async (_what, object) => {
    const pdf = bytes(`%PDF-1.7\n${object}\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
    const result = await inspectFile(file(pdf, 'scan.pdf', 'application/pdf'), idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_PDF_ACTIVE' }] });
  });

  it('a 6 MB file → E_FILE_TOO_LARGE, without reading its bytes', async () => {
    const read = vi.fn(async () => new ArrayBuffer(0));
    const huge = { size: 6 * 1024 * 1024, name: 'scan.pdf', type: 'application/pdf', arrayBuffer: read } as unknown as File;
    const result = await inspectFile(huge, idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_TOO_LARGE' }] });
    expect(read).not.toHaveBeenCalled();
    expect(6 * 1024 * 1024).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
  });

  it('a PNG whose header says 30000×30000 → E_FILE_PIXELS, from the header alone', async () => {
    const ihdr = bytes([0, 0, 0, 13], 'IHDR', [...u16(0), ...u16(30000), ...u16(0), ...u16(30000), 8, 2, 0, 0, 0], [0, 0, 0, 0]);
    const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ihdr, [0, 0, 0, 0], 'IEND', [0xae, 0x42, 0x60, 0x82]);
    const result = await inspectFile(file(png, 'big.png', 'image/png'), idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_PIXELS' }] });
  });

  it('a JPEG whose frame says 30000×30000 → E_FILE_PIXELS', async () => {
    const result = await inspectFile(file(jpeg(30000, 30000), 'big.jpg'), idMaterial);
    expect(result).toMatchObject({ ok: false, problems: [{ code: 'E_FILE_PIXELS' }] });
  });
});

describe('O-11: comments and every APPn but JFIF, ICC and Adobe are stripped', () => {
  const segment = (marker: number, ...payload: (number[] | Uint8Array | string)[]) => {
    const body = bytes(...payload);
    return bytes([0xff, marker, ...u16(body.length + 2)], body);
  };
  /** `jpeg()` with metadata segments inserted after its JFIF APP0. */
  const withSegments = (...segments: Uint8Array[]) => {
    const base = jpeg();
    return bytes(base.subarray(0, 20), ...segments, base.subarray(20));
  };

  it('drops a COM holding <script> and an APP3, keeping the picture byte for byte', async () => {
    const comment = segment(0xfe, '<script>alert(1)</script>');
    const app3 = segment(0xe3, 'META\0yibiao-app3-secret');
    const crafted = withSegments(comment, app3);
    expect(markers(crafted)).toEqual(expect.arrayContaining([0xfe, 0xe3]));
    const result = await inspectFile(file(crafted, 'photo.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sent = result.file.bytes;
    expect(markers(sent)).not.toContain(0xfe);
    expect(markers(sent)).not.toContain(0xe3);
    for (const trace of ['<script>', 'alert', 'yibiao-app3-secret']) expect(has(sent, trace), trace).toBe(false);
    expect(Array.from(sent)).toEqual(Array.from(jpeg()));
    expect(readJpeg(sent)).toMatchObject({ width: 16, height: 16, components: 3 });
  });

  it('keeps APP2 ICC_PROFILE and APP14 Adobe (the colours depend on them), drops APP2 MPF, APP0 JFXX, APP4–APP15', async () => {
    const icc = segment(0xe2, 'ICC_PROFILE\0', [1, 1], new Array(16).fill(7));
    const adobe = segment(0xee, 'Adobe', [0, 100, 0, 0, 0, 0, 1]);
    const others = [
      segment(0xe2, 'MPF\0', 'second-picture'),
      segment(0xe0, 'JFXX\0', [0x10], 'jfxx-thumbnail'),
      ...Array.from({ length: 12 }, (_, i) => segment(0xe4 + i, `APP${4 + i}\0`, 'maker-note')),
    ].filter((s) => s[1] !== 0xee);
    const crafted = withSegments(icc, ...others, adobe);
    const result = await inspectFile(file(crafted, 'photo.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const sent = result.file.bytes;
    expect(markers(sent).filter((m) => m >= 0xe0 && m <= 0xef)).toEqual([0xe0, 0xe2, 0xee]);
    expect(has(sent, 'ICC_PROFILE')).toBe(true);
    expect(has(sent, 'Adobe')).toBe(true);
    for (const trace of ['second-picture', 'JFXX', 'jfxx-thumbnail', 'maker-note']) expect(has(sent, trace), trace).toBe(false);
  });

  it('drops the thumbnail of a JFIF APP0 and keeps its resolution', async () => {
    const base = jpeg();
    // JFIF with a 2×1 RGB thumbnail (6 bytes): length 16 + 6.
    const jfifWithThumb = bytes([0xff, 0xe0, 0, 22], 'JFIF\0', [1, 2, 1, 0, 72, 0, 72, 2, 1], [9, 9, 9, 9, 9, 9]);
    const crafted = bytes(base.subarray(0, 2), jfifWithThumb, base.subarray(20));
    expect(readJpeg(crafted)?.density).toEqual({ units: 1, x: 72, y: 72, source: 'jfif' });
    const result = await inspectFile(file(crafted, 'photo.jpg'), idMaterial);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(Array.from(result.file.bytes)).toEqual(Array.from(base));
    expect(readJpeg(result.file.bytes)?.density).toEqual({ units: 1, x: 72, y: 72, source: 'jfif' });
  });
});
