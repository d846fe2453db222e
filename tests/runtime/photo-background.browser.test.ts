/**
 * The card photo's white-background check (DOMAIN.md §9: a heuristic, a
 * warning only) on real JPEGs encoded by the browser: a photo on white is
 * held without a word, one on the usual blue 证件照 background is held with
 * W_PHOTO_BACKGROUND, shown next to the upload in the person's language.
 */
import type { MaterialModel } from '../../src/ir/types.js';
import { defineForm } from '../../src/runtime/define-form.js';
import { inspectFile } from '../../src/runtime/files/inspect-file.js';
import { W_PHOTO_BACKGROUND } from '../../src/runtime/files/photo-background.js';
import { deepEqual, equal, includes, ok } from '../e2e/assert.js';
import { fileOf } from './fixtures/files.js';
import { fullForm } from './fixtures/full-form.js';
import { FormHarness } from './harness.js';

defineForm({ tag: 'yibiao-photo-bg', form: fullForm });

const PHOTO = fullForm.model.materials.find((m) => m.id === 'cardPhoto') as MaterialModel;

/**
 * A real 358×441 JPEG: `background` around a noisy "person" (so that it
 * weighs 30–50 KB), with its JFIF density set to 350 DPI as a camera app
 * would write it.
 */
async function photoOn(background: string): Promise<Uint8Array> {
  const canvas = new OffscreenCanvas(358, 441);
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2d context');
  context.fillStyle = background;
  context.fillRect(0, 0, 358, 441);
  const person = context.createImageData(180, 300);
  let seed = 7;
  for (let i = 0; i < person.data.length; i += 4) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    person.data[i] = 120 + (seed & 63);
    person.data[i + 1] = 80 + ((seed >> 6) & 63);
    person.data[i + 2] = 60 + ((seed >> 12) & 63);
    person.data[i + 3] = 255;
  }
  context.putImageData(person, 89, 141);
  for (let quality = 0.95; quality > 0.2; quality -= 0.05) {
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality })).arrayBuffer());
    if (bytes.length > 51_000) continue;
    ok(bytes.length >= 30_000, `a photo of 30–50 KB (got ${bytes.length} bytes at quality ${quality.toFixed(2)})`);
    // JFIF APP0 right after SOI: units at 13, densities at 14–17.
    equal(String.fromCharCode(...bytes.slice(6, 11)), 'JFIF\0');
    bytes.set([1, 350 >> 8, 350 & 0xff, 350 >> 8, 350 & 0xff], 13);
    return bytes;
  }
  throw new Error('no quality gave a photo of 30–50 KB');
}

describe('the card photo background', () => {
  it('holds a photo on white without a warning, and one on blue with W_PHOTO_BACKGROUND', async () => {
    const white = await inspectFile(fileOf(await photoOn('#ffffff'), 'white.jpg', 'image/jpeg'), PHOTO);
    ok(white.ok, JSON.stringify(white.ok ? '' : white.problems));
    deepEqual(white.warnings, []);
    const blue = await inspectFile(fileOf(await photoOn('rgb(67, 142, 219)'), 'blue.jpg', 'image/jpeg'), PHOTO);
    ok(blue.ok, 'a heuristic never refuses');
    deepEqual(blue.warnings.map((w) => w.code), [W_PHOTO_BACKGROUND]);
    const grey = await inspectFile(fileOf(await photoOn('rgb(150, 150, 150)'), 'grey.jpg', 'image/jpeg'), PHOTO);
    deepEqual(grey.ok ? grey.warnings.map((w) => w.code) : ['refused'], [W_PHOTO_BACKGROUND]);
  });

  it('shows the warning next to the upload, keeps the file, and drops the warning with it', async () => {
    const h = await FormHarness.mount('yibiao-photo-bg', { 'no-draft': '' });
    try {
      await h.tick('yb-services');
      await h.pick('yb-material-cardPhoto', [fileOf(await photoOn('rgb(67, 142, 219)'), 'blue.jpg', 'image/jpeg')]);
      equal(h.errorOf('yb-material-cardPhoto'), undefined, 'not an error');
      equal(h.$('[data-material="cardPhoto"] .file__name')?.textContent, 'blue.jpg');
      const warning = h.root.getElementById('yb-material-cardPhoto-warning');
      includes(warning?.textContent, '背景看起来不是白色');
      includes(h.control('yb-material-cardPhoto').getAttribute('aria-describedby'), 'yb-material-cardPhoto-warning');
      await h.pick('yb-material-cardPhoto', [fileOf(await photoOn('#ffffff'), 'white.jpg', 'image/jpeg')]);
      equal(h.root.getElementById('yb-material-cardPhoto-warning'), null, 'a white photo replaces it without a word');
    } finally {
      h.el.remove();
    }
  });
});
