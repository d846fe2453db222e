import { describe, expect, it } from 'vitest';
import type { FormModel } from '../../src/ir/types.js';
import { draftSnapshotOf, draftTargetOf, withoutLostFiles } from '../../src/runtime/draft-binding.js';
import { DEFAULT_DRAFT_TTL_MS } from '../../src/runtime/drafts/draft-controller.js';
import { TypedText } from '../../src/runtime/typed-text.js';
import { demoModel } from './fixtures/demo-form.js';

/** The demo form with a `file` field in the applicant section. */
const withFile: FormModel = {
  ...demoModel,
  sections: demoModel.sections.map((s) =>
    s.key === 'applicant'
      ? { ...s, fields: [...s.fields, { path: '/applicant/photo', key: 'photo', kind: 'file', title: { 'zh-CN': '照片', en: 'Photo' }, required: false }] }
      : s,
  ),
};
const PHOTO = { name: 'photo.jpg', mediaType: 'image/jpeg', size: 3, sha256: 'x' };

describe('draftTargetOf', () => {
  it('places the draft by form id and draft key, with the form’s schema hash and the TTL', () => {
    const target = draftTargetOf(demoModel, { noDraft: false, draftKey: 'user-1', draftTtl: '12h' });
    expect(target).toEqual({ id: 'demo\u0000user-1', formId: 'demo', schemaHash: demoModel.schemaHash, ttlMs: 12 * 3600 * 1000 });
    expect(draftTargetOf(demoModel, { noDraft: false, draftKey: null, draftTtl: null })).toMatchObject({ id: 'demo\u0000default', ttlMs: DEFAULT_DRAFT_TTL_MS });
  });

  it('keeps no draft with no-draft', () => {
    expect(draftTargetOf(demoModel, { noDraft: true, draftKey: 'user-1', draftTtl: null })).toBeUndefined();
  });
});

describe('draftSnapshotOf', () => {
  it('keeps the ticked sections as typed and the typed texts of fields with a value', () => {
    const typed = new TypedText();
    typed.set('/fund/rate', '05');
    typed.set('/card/count', '7');
    const data = { services: ['fund'], fund: { rate: 5 }, card: { bankAccount: '1' } };
    const snapshot = draftSnapshotOf({ model: demoModel, data, typed, files: [], pending: undefined });
    expect(snapshot).toEqual({ data: { services: ['fund'], fund: { rate: 5 } }, raw: { '/fund/rate': '05' }, files: [] });
  });

  it('keeps nothing when nothing was typed, attached or signed, and the pending submission alone otherwise', () => {
    const typed = new TypedText();
    expect(draftSnapshotOf({ model: demoModel, data: {}, typed, files: [], pending: undefined })).toBeUndefined();
    const pending = { submissionId: 'sub-1' };
    expect(draftSnapshotOf({ model: demoModel, data: {}, typed, files: [], pending })).toEqual({ data: {}, raw: {}, files: [], pending });
  });
});

describe('withoutLostFiles', () => {
  it('drops the record of a file field whose file did not come back', () => {
    const data = { applicant: { name: '张三', photo: PHOTO } };
    expect(withoutLostFiles(withFile, data, () => 0)).toEqual({ applicant: { name: '张三' } });
  });

  it('keeps the record of a file that came back, and returns the same data when nothing is lost', () => {
    const data = { applicant: { name: '张三', photo: PHOTO } };
    expect(withoutLostFiles(withFile, data, (slot) => (slot === '/applicant/photo' ? 1 : 0))).toBe(data);
  });
});
