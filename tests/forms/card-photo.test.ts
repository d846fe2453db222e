/**
 * The social security card photo: every form that offers the card asks for
 * it to the national standard (人社部社保卡数据采集个人照片标准: 358×441 px,
 * 350 DPI, colour, 30–50 KB, JPG) — Guangxi prints it; Shandong, Weihai and
 * Yunnan ask only for «白底证件照», and DOMAIN.md §9 applies the same standard.
 */
import { describe, expect, it } from 'vitest';
import type { MaterialModel } from '../../src/ir/types.js';
import { inspectFile } from '../../src/runtime/files/inspect-file.js';
import { builtForm, formIds } from '../helpers/forms.js';
import { buildJpeg } from '../runtime/fixtures/files.js';

const NATIONAL = { width: 358, height: 441, dpi: 350, background: 'white', colour: true };

async function cardPhoto(id: string): Promise<MaterialModel | undefined> {
  const { model } = await builtForm(id);
  return model.materials.find((m) => m.services.includes('socialSecurityCard') && m.photo !== undefined);
}

describe('the card photo of every form that offers the card', () => {
  it.each(formIds())('%s: asks for it to the national standard', async (id) => {
    const { model } = await builtForm(id);
    if (!model.services.some((s) => s.id === 'socialSecurityCard')) return;
    const photo = await cardPhoto(id);
    expect(photo, `${id} has a photo material for the card`).toBeDefined();
    expect(photo).toMatchObject({ accept: ['image/jpeg'], minBytes: 30000, maxBytes: 51200, photo: NATIONAL });
  });

  it('shandong: a photo to the standard passes; one of the wrong size in pixels is refused with E_PHOTO_PIXELS', async () => {
    const material = await cardPhoto('shandong');
    if (material === undefined) throw new Error('shandong has no card photo material');
    const file = (bytes: Uint8Array) => new File([bytes as Uint8Array<ArrayBuffer>], '证件照.jpg', { type: 'image/jpeg' });
    expect(await inspectFile(file(buildJpeg({ width: 358, height: 441, size: 40_000 })), material)).toMatchObject({ ok: true });
    const wrong = await inspectFile(file(buildJpeg({ width: 400, height: 500, size: 40_000 })), material);
    expect(wrong.ok ? [] : wrong.problems.map((p) => p.code)).toContain('E_PHOTO_PIXELS');
  });
});
