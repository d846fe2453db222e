/**
 * Files through the element (SECURITY.md §2 "Files", §3 cases 4, 27–29), in
 * real Chromium: the Shandong element (real model and validator) with files
 * picked on its 有效身份证件 upload. A real JPEG (drawn on a canvas) carrying
 * EXIF GPS (piexifjs) is sent without it, with the digest the payload signs;
 * disguised and dangerous files are refused with a message; a file name made
 * of markup is shown as text. The byte-level variants are tests/security/files.test.ts.
 */
import type { FormModel } from '../../src/ir/types.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { sha256Hex } from '../../src/submission/index.js';
import { deepEqual, equal, includes, ok, waitFor } from '../e2e/assert.js';
import { expectNothingRan, mountForm, settle } from './browser.js';

const TAG = 'yibiao-files';
const SLOT = 'yb-material-identityDocument';
const MARKUP_NAME = '<img src=x onerror="window.__yibiaoXss=1">.jpg';

interface Piexif {
  GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number };
  dump(exif: Record<string, Record<number, unknown>>): string;
  insert(exif: string, jpeg: string): string;
  load(jpeg: string): Record<string, Record<number, unknown> | null>;
}

let example: Record<string, unknown>;
let el: YibiaoFormElement;
let piexif: Piexif;

const binary = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');
const fromBinary = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

/** A real 64×48 JPEG, drawn and encoded by the browser. */
async function canvasJpeg(): Promise<Uint8Array> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = '#c33';
  g.fillRect(0, 0, 64, 48);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b as Blob), 'image/jpeg', 0.9));
  return new Uint8Array(await blob.arrayBuffer());
}

/** Whether a JPEG has an APP1 (EXIF/XMP) segment before its first scan. */
function hasApp1(b: Uint8Array): boolean {
  let pos = 2;
  while (pos + 4 <= b.length && b[pos] === 0xff) {
    const marker = b[pos + 1] ?? 0;
    if (marker === 0xe1) return true;
    if (marker === 0xda || marker === 0xd9) return false;
    pos += 2 + (((b[pos + 2] ?? 0) << 8) | (b[pos + 3] ?? 0));
  }
  return false;
}

function root(): ShadowRoot {
  ok(el.shadowRoot);
  return el.shadowRoot;
}

/** Picks files on the slot's input, as the file chooser does, and waits for them to be inspected. */
async function pick(files: File[]): Promise<void> {
  const input = root().getElementById(SLOT) as HTMLInputElement;
  ok(input, 'the 有效身份证件 upload is offered');
  const transfer = new DataTransfer();
  for (const f of files) transfer.items.add(f);
  input.files = transfer.files;
  const changed = new Promise((resolve) => el.addEventListener('yibiao-change', resolve, { once: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, 1500))]);
  await settle(el);
}

const slotText = () => (root().querySelector(`[data-material="identityDocument"]`)?.textContent ?? '').replace(/\s+/g, ' ');

before(async () => {
  const model = (await (await fetch('/dist/forms/shandong/model.json')).json()) as FormModel;
  const { validate } = (await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction };
  example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
  defineForm({ tag: TAG, form: { model, validate } });
  await new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/piexifjs/piexif.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('piexifjs did not load'));
    document.head.append(script);
  });
  piexif = (window as unknown as { piexif: Piexif }).piexif;
});

beforeEach(async () => {
  el = await mountForm(TAG, structuredClone(example));
  await settle(el);
});

afterEach(() => el.remove());

describe('cases 27 and 4: a photo with GPS, named with markup', () => {
  it('is sent without APP1/GPS, its digest is the one signed, and its name shows as text', async () => {
    const exif = piexif.dump({ GPS: { [piexif.GPSIFD.GPSLatitudeRef]: 'N', [piexif.GPSIFD.GPSLatitude]: [[36, 1], [40, 1], [0, 1]], [piexif.GPSIFD.GPSLongitudeRef]: 'E', [piexif.GPSIFD.GPSLongitude]: [[117, 1], [0, 1], [0, 1]] } });
    const tagged = fromBinary(piexif.insert(exif, binary(await canvasJpeg())));
    ok(hasApp1(tagged) && piexif.load(binary(tagged)).GPS, 'the picked file carries EXIF GPS');
    await pick([new File([tagged as Uint8Array<ArrayBuffer>], MARKUP_NAME, { type: 'image/jpeg' })]);
    const name = root().querySelector('[data-material="identityDocument"] .file__name');
    ok(name, `the file is held: ${slotText()}`);
    equal(name.textContent, MARKUP_NAME, 'the name is text');
    for (const img of root().querySelectorAll('img')) ok(img.getAttribute('src')?.startsWith('blob:'), 'the only image is the preview of the picked file');
    await expectNothingRan();

    const sent = new Promise<CustomEvent<{ payload: { attachments: { name: string; sha256: string; size: number }[] }; files: { name: string; bytes: Uint8Array }[] }>>((resolve) =>
      el.addEventListener('yibiao-submit', (e) => resolve(e as never), { once: true }),
    );
    const result = await el.submit();
    ok(result.valid, JSON.stringify(result.valid ? '' : result.errors.map((e) => e.path)));
    const { detail } = await sent;
    const [file] = detail.files;
    const [ref] = detail.payload.attachments;
    ok(file && ref, 'one file goes with the submission');
    equal(hasApp1(file.bytes), false, 'no APP1 in the bytes sent');
    equal(binary(file.bytes).includes('GPS'), false, 'no GPS tag');
    equal(ref.size, file.bytes.length);
    equal(ref.sha256, await sha256Hex(file.bytes), 'the signed digest is of the bytes sent');
    equal(ref.name, file.name);
    await expectNothingRan();
  });
});

describe('cases 28 and 29: disguised and dangerous files are refused with a message, and not held', () => {
  const refusals: readonly (readonly [string, () => Promise<File>, string])[] = [
    ['HTML named .jpg', async () => new File(['<!doctype html><script>parent.__yibiaoXss=1</script>'], 'photo.jpg', { type: 'image/jpeg' }), '按文件内容判断'],
    ['SVG with a script labelled image/jpeg', async () => new File(['<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__yibiaoXss=1"/>'], 'photo.jpg', { type: 'image/jpeg' }), '按文件内容判断'],
    ['a PDF with /OpenAction', async () => new File(['%PDF-1.7\n1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n%%EOF'], 'scan.pdf', { type: 'application/pdf' }), 'PDF'],
    ['a 6 MB file', async () => new File([new Uint8Array(6 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' }), '5 MB'],
  ];

  for (const [what, make, words] of refusals) {
    it(`${what}`, async () => {
      await pick([await make()]);
      const error = await waitFor(() => root().getElementById(`${SLOT}-error`), 'the refusal message');
      includes(error.textContent, words);
      equal(root().querySelectorAll('[data-material="identityDocument"] .file').length, 0, 'nothing held');
      await expectNothingRan();
    });
  }

  it('a JPEG with a ZIP appended is held without the tail', async () => {
    const jpeg = await canvasJpeg();
    const zip = new TextEncoder().encode('PK\u0003\u0004evil.html<script>parent.__yibiaoXss=1</script>PK\u0005\u0006');
    await pick([new File([jpeg as Uint8Array<ArrayBuffer>, zip], 'photo.jpg', { type: 'image/jpeg' })]);
    const sent = new Promise<CustomEvent<{ files: { bytes: Uint8Array }[] }>>((resolve) => el.addEventListener('yibiao-submit', (e) => resolve(e as never), { once: true }));
    const result = await el.submit();
    ok(result.valid);
    const bytes = (await sent).detail.files[0]?.bytes as Uint8Array;
    equal(binary(bytes).includes('PK'), false, 'the tail is gone');
    equal(bytes.length <= jpeg.length, true);
  });
});

describe('O-11: a photo with a <script> comment and an APP3 segment', () => {
  /** `jpeg` with `segments` inserted right after SOI. */
  const inserted = (jpeg: Uint8Array, ...segments: [number, string][]) => {
    const parts = segments.map(([marker, text]) => {
      const body = new TextEncoder().encode(text);
      return Uint8Array.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff, ...body]);
    });
    return Uint8Array.from([...jpeg.subarray(0, 2), ...parts.flatMap((p) => [...p]), ...jpeg.subarray(2)]);
  };

  it('is sent without either, and the bytes sent still decode to the same picture', async () => {
    const crafted = inserted(await canvasJpeg(), [0xfe, '<script>parent.__yibiaoXss=1</script>'], [0xe3, 'APP3\0yibiao-app3-secret']);
    const original = await createImageBitmap(new Blob([crafted as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    ok(binary(crafted).includes('<script>') && binary(crafted).includes('yibiao-app3-secret'), 'the picked file carries both');
    await pick([new File([crafted as Uint8Array<ArrayBuffer>], 'photo.jpg', { type: 'image/jpeg' })]);
    ok(root().querySelector('[data-material="identityDocument"] .file__name'), `the file is held: ${slotText()}`);
    const sent = new Promise<CustomEvent<{ files: { bytes: Uint8Array }[] }>>((resolve) => el.addEventListener('yibiao-submit', (e) => resolve(e as never), { once: true }));
    const result = await el.submit();
    ok(result.valid, JSON.stringify(result.valid ? '' : result.errors.map((e) => e.path)));
    const [file] = (await sent).detail.files;
    ok(file, 'one file goes with the submission');
    for (const trace of ['<script>', '__yibiaoXss', 'yibiao-app3-secret', 'APP3']) equal(binary(file.bytes).includes(trace), false, `${trace} is gone`);
    const bitmap = await createImageBitmap(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    deepEqual([bitmap.width, bitmap.height], [64, 48], 'it decodes, at its size');
    const pixel = (image: ImageBitmap) => {
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const g = canvas.getContext('2d') as CanvasRenderingContext2D;
      g.drawImage(image, 0, 0);
      return [...g.getImageData(32, 24, 1, 1).data];
    };
    equal(pixel(bitmap).join(), pixel(original).join(), 'to the same pixels');
    await expectNothingRan();
  });
});
