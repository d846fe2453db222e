/**
 * Attachment checks on bytes (SECURITY.md §2 "Files", §3 cases 27–29;
 * DOMAIN.md §9): type by magic bytes, sizes, the photo specification from
 * the JPEG's own segments, lossless EXIF/GPS stripping, active PDFs.
 * The photo spec is Guangxi's `cardPhoto` from the built model when it exists.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { FormModel, MaterialModel } from '../../src/ir/types.js';
import { checkPhoto, inspectFile, safeFileName } from '../../src/runtime/files/inspect-file.js';
import { readJpeg, stripJpegMetadata } from '../../src/runtime/files/jpeg.js';
import { findActivePdfContent } from '../../src/runtime/files/pdf.js';
import { readPng, stripPngMetadata } from '../../src/runtime/files/png.js';
import { sniffType } from '../../src/runtime/files/sniff.js';
import { formatMessage } from '../../src/runtime/i18n/messages.js';
import { deepEqual, equal, includes, ok } from '../e2e/assert.js';
import {
  buildCompressedPdf,
  buildJpeg,
  buildPdf,
  buildPng,
  containsAscii,
  fileOf,
  hasApp1,
  withGpsExif,
} from './fixtures/files.js';

const forms = (await executeServerCommand<{ id: string; model: FormModel }[], undefined>('yibiao-forms')) ?? [];
const guangxiPhoto = forms.find((f) => f.id === 'guangxi')?.model.materials.find((m) => m.photo !== undefined);

/** Guangxi's photo material (358×441, 350 DPI, colour, 30 000–51 200 bytes, JPG), from the built model or as the seed states it. */
const PHOTO: MaterialModel = guangxiPhoto ?? {
  id: 'cardPhoto',
  title: { 'zh-CN': '制卡人照片', en: 'Photo of the card holder' },
  services: ['socialSecurityCard'],
  required: true,
  channels: ['upload'],
  accept: ['image/jpeg'],
  minBytes: 30_000,
  maxBytes: 51_200,
  photo: { width: 358, height: 441, dpi: 350, background: 'white', colour: true },
};

const SCAN: MaterialModel = {
  id: 'identityDocument',
  title: { 'zh-CN': '有效身份证件', en: 'Identity document' },
  services: [],
  required: false,
  channels: ['upload'],
  accept: ['image/jpeg', 'image/png', 'application/pdf'],
  maxBytes: 5 * 1024 * 1024,
};

async function problemsOf(bytes: Uint8Array, material: MaterialModel, name = 'x.jpg'): Promise<string[]> {
  const result = await inspectFile(fileOf(bytes, name), material);
  return result.ok ? [] : result.problems.map((p) => p.code);
}

function messageOf(code: string, params: Record<string, string | number>, material: MaterialModel = PHOTO): string {
  return formatMessage(code, material.title, params)['zh-CN'];
}

describe('attachments: bytes in, checked bytes out', () => {
  it(`uses ${guangxiPhoto === undefined ? 'the seed' : 'the built Guangxi'} photo specification`, () => {
    deepEqual(PHOTO.photo, { width: 358, height: 441, dpi: 350, background: 'white', colour: true });
    equal(PHOTO.minBytes, 30_000);
    equal(PHOTO.maxBytes, 51_200);
  });

  it('accepts a photo that meets the Guangxi spec (SOF 358×441, APP0 350 dpi, colour, 40 000 bytes)', async () => {
    const bytes = buildJpeg({ width: 358, height: 441, size: 40_000 });
    const info = readJpeg(bytes);
    deepEqual([info?.width, info?.height, info?.components, info?.density?.units, info?.density?.x], [358, 441, 3, 1, 350]);
    const result = await inspectFile(fileOf(bytes, 'photo.jpg', 'image/jpeg'), PHOTO);
    ok(result.ok, JSON.stringify(result));
    equal(result.file.mediaType, 'image/jpeg');
    equal(result.file.bytes.length, 40_000, 'nothing to strip: the bytes are kept as they are');
    // The same density in dots per centimetre (138 ≈ 350 / 2.54) is the same resolution.
    deepEqual(await problemsOf(buildJpeg({ width: 358, height: 441, size: 40_000, density: { units: 2, x: 138, y: 138 } }), PHOTO), []);
  });

  it('decodes the test photo in Chromium, so it is a real JPEG', async () => {
    const bitmap = await createImageBitmap(new Blob([buildJpeg({ width: 358, height: 441, size: 40_000 }) as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    deepEqual([bitmap.width, bitmap.height], [358, 441]);
  });

  it('refuses a photo of the wrong size or colour, saying what to fix; a wrong DPI alone is set, not refused', async () => {
    const wrong = await inspectFile(fileOf(buildJpeg({ width: 400, height: 500, size: 40_000, density: { units: 1, x: 72, y: 72 } }), 'p.jpg'), PHOTO);
    ok(!wrong.ok);
    // The DPI would be set once the pixels are right: only what the person must redo is named.
    deepEqual(
      wrong.problems.map((p) => p.code),
      ['E_PHOTO_PIXELS'],
    );
    equal(messageOf('E_PHOTO_PIXELS', wrong.problems[0]?.params ?? {}), '照片须为 358×441 像素（宽×高），当前为 400×500 像素');
    const info = readJpeg(buildJpeg({ width: 358, height: 441, size: 40_000, density: { units: 1, x: 72, y: 72 } }));
    ok(info);
    const dpi = checkPhoto(info, PHOTO.photo ?? ({} as never)).find((p) => p.code === 'E_PHOTO_DPI');
    equal(messageOf('E_PHOTO_DPI', dpi?.params ?? {}), '照片分辨率须为 350 DPI，当前为 72×72 DPI');
    deepEqual(await problemsOf(buildJpeg({ width: 358, height: 441, size: 40_000, components: 1 }), PHOTO), ['E_PHOTO_COLOUR']);
    for (const density of [{ units: 0, x: 1, y: 1 }, { units: 1, x: 72, y: 72 }] as const) {
      const set = await inspectFile(fileOf(buildJpeg({ width: 358, height: 441, size: 40_000, density }), 'p.jpg'), PHOTO);
      ok(set.ok, 'held: the pixels are right');
      // (The fixture's scan data is filler, so the background check may speak too: only the DPI notice is asserted here.)
      deepEqual(set.warnings.map((w) => w.code).filter((c) => c !== 'W_PHOTO_BACKGROUND'), ['W_PHOTO_DPI_SET']);
      deepEqual(readJpeg(set.file.bytes)?.density, { units: 1, x: 350, y: 350, source: 'jfif' }, 'the bytes sent declare 350 DPI');
      equal(readJpeg(set.file.bytes)?.width, 358);
    }
    equal(
      formatMessage('W_PHOTO_DPI_SET', PHOTO.title, { dpi: 350, actual: '72×72 DPI' })['zh-CN'],
      '“制卡人照片”的分辨率为 72×72 DPI，已按要求设为 350 DPI（照片像素未改动）。',
    );
    deepEqual(await problemsOf(buildJpeg({ width: 358, height: 441, size: 20_000 }), PHOTO), ['E_FILE_TOO_SMALL']);
    deepEqual(await problemsOf(buildJpeg({ width: 358, height: 441, size: 60_000 }), PHOTO), ['E_FILE_TOO_LARGE']);
    equal(messageOf('E_FILE_TOO_SMALL', { limit: '29.3 KB' }), '“制卡人照片”的文件不能小于 29.3 KB');
  });

  it('refuses a photo with an EXIF rotation, whose shown size would differ', async () => {
    const rotated = await withGpsExif(buildJpeg({ width: 358, height: 441, size: 40_000 }), { orientation: 6 });
    deepEqual(await problemsOf(rotated, PHOTO), ['E_PHOTO_ORIENTATION']);
  });

  it('strips EXIF with GPS losslessly: the frame, tables and scan are byte for byte the same (case 27)', async () => {
    const clean = buildJpeg({ width: 358, height: 441, size: 40_000 });
    const tagged = await withGpsExif(clean);
    ok(hasApp1(tagged) && containsAscii(tagged, 'YibiaoTestCam'), 'piexifjs wrote an APP1 with GPS');
    const result = await inspectFile(fileOf(tagged, 'photo.jpg'), PHOTO);
    ok(result.ok, JSON.stringify(result));
    const sent = result.file.bytes;
    ok(!hasApp1(sent), 'no APP1 left');
    ok(!containsAscii(sent, 'YibiaoTestCam') && !containsAscii(sent, 'Exif'), 'no EXIF text left');
    deepEqual([...sent], [...clean], 'the stripped photo is exactly the photo without its APP1');
    equal(readJpeg(sent)?.density?.x, 350, 'the photo spec still holds');
  });

  it('keeps the resolution when it lived only in EXIF, writing it into a JFIF APP0', async () => {
    const exifOnly = await withGpsExif(buildJpeg({ width: 358, height: 441, size: 40_000, density: null }), { dpi: 350 });
    equal(readJpeg(exifOnly)?.density?.source, 'exif');
    const stripped = stripJpegMetadata(exifOnly);
    ok(stripped);
    ok(!hasApp1(stripped));
    deepEqual(readJpeg(stripped)?.density, { units: 1, x: 350, y: 350, source: 'jfif' });
    deepEqual(await problemsOf(exifOnly, PHOTO), []);
  });

  it('drops a ZIP appended after the end of the image (case 28)', async () => {
    const zip = new TextEncoder().encode('PK\u0003\u0004evil.html');
    const jpeg = buildJpeg({ width: 64, height: 64 });
    const result = await inspectFile(fileOf(Uint8Array.from([...jpeg, ...zip]), 'scan.jpg'), SCAN);
    ok(result.ok);
    deepEqual([...result.file.bytes.slice(-2)], [0xff, 0xd9], 'ends at EOI');
    ok(!containsAscii(result.file.bytes, 'PK'));
  });

  it('judges the type by magic bytes, never by name or claimed type (case 28)', async () => {
    equal(sniffType(buildJpeg({ width: 8, height: 8 })), 'image/jpeg');
    equal(sniffType(buildPng({ width: 8, height: 8 })), 'image/png');
    equal(sniffType(buildPdf()), 'application/pdf');
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    equal((await inspectFile(fileOf(html, 'photo.jpg', 'image/jpeg'), SCAN)).ok, false);
    const svgResult = await inspectFile(fileOf(svg, 'photo.jpg', 'image/jpeg'), SCAN);
    ok(!svgResult.ok);
    deepEqual(svgResult.problems, [{ code: 'E_FILE_TYPE', params: { types: 'JPG / PNG / PDF' } }]);
    // A real PNG for a JPEG-only photo material.
    deepEqual(await problemsOf(buildPng({ width: 358, height: 441 }), PHOTO, 'photo.jpg'), ['E_FILE_TYPE']);
  });

  it('refuses a 6 MB file before reading it, and a 30000×30000 PNG from its header (case 29)', async () => {
    let read = false;
    const huge = new (class extends Blob {
      override arrayBuffer(): Promise<ArrayBuffer> {
        read = true;
        return super.arrayBuffer();
      }
    })([new Uint8Array(6 * 1024 * 1024)]);
    const result = await inspectFile(huge, SCAN);
    ok(!result.ok);
    equal(result.problems[0]?.code, 'E_FILE_TOO_LARGE');
    equal(read, false, 'never read');
    deepEqual(await problemsOf(buildPng({ width: 30_000, height: 30_000 }), SCAN, 'big.png'), ['E_FILE_PIXELS']);
  });

  it('strips PNG text and eXIf chunks and anything after IEND', async () => {
    const png = buildPng({ width: 16, height: 16, exif: true, tail: 'PK\u0003\u0004' });
    const stripped = stripPngMetadata(png);
    ok(stripped);
    ok(!containsAscii(stripped, 'eXIf') && !containsAscii(stripped, 'secret location') && !containsAscii(stripped, 'PK'));
    ok(containsAscii(stripped, 'IHDR') && containsAscii(stripped, 'IDAT') && containsAscii(stripped, 'IEND'));
    deepEqual(readPng(stripped), { width: 16, height: 16 });
  });

  it('refuses PDFs with /JavaScript, /OpenAction, /AA or /Launch, also escaped or compressed (case 29)', async () => {
    equal(await findActivePdfContent(buildPdf()), undefined);
    equal(await findActivePdfContent(buildPdf('/OpenAction 3 0 R')), 'OpenAction');
    equal(await findActivePdfContent(buildPdf('/Names << /JavaScript 4 0 R >>')), 'JavaScript');
    equal(await findActivePdfContent(buildPdf('/AA << /O 5 0 R >>')), 'AA');
    equal(await findActivePdfContent(buildPdf('/A << /S /Launch /F (calc.exe) >>')), 'Launch');
    equal(await findActivePdfContent(buildPdf('/J#61vaScript 4 0 R')), 'JavaScript');
    equal(await findActivePdfContent(await buildCompressedPdf('/OpenAction 3 0 R')), 'OpenAction');
    equal(await findActivePdfContent(buildPdf('/AAPL (not an action) /Lang (zh)')), undefined, 'a longer name is not /AA');
    const refused = await inspectFile(fileOf(buildPdf('/OpenAction 3 0 R'), 'scan.pdf'), SCAN);
    ok(!refused.ok);
    includes(messageOf(refused.problems[0]?.code ?? '', refused.problems[0]?.params ?? {}, SCAN), '/OpenAction');
    ok((await inspectFile(fileOf(buildPdf(), 'scan.pdf'), SCAN)).ok);
  });

  it('names files safely: no path, no control or bidi characters, never empty', () => {
    equal(safeFileName('C:\\Users\\张三\\身份证.jpg', 'image/jpeg'), '身份证.jpg');
    equal(safeFileName('../../etc/passwd', 'application/pdf'), 'passwd');
    equal(safeFileName('evil\u202egpj.exe', 'image/jpeg'), 'evilgpj.exe');
    equal(safeFileName('', 'image/png'), 'file.png');
    equal(safeFileName('<img src=x onerror=alert(1)>.jpg', 'image/jpeg'), '<img src=x onerror=alert(1)>.jpg');
  });
});
