/**
 * What the element accepts (SECURITY.md §2 "Limits", §3 case 8;
 * docs/security.md O-6), in real Chromium: the Shandong element (real model
 * and validator) given 2,000-deep arrays, a 5 MB string or 10,000 items
 * through its `data` property refuses the assignment as a whole — a TypeError
 * and a `yibiao-invalid-data` event naming the limit — within a second,
 * keeping what it held; and a stored draft beyond the limits (the real built
 * module on a host page, reloaded) is deleted with a notice instead of
 * restored. The byte-level limits are tests/security/widget-limits.test.ts.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { FormModel } from '../../src/ir/types.js';
import { defineForm } from '../../src/runtime/define-form.js';
import { draftAad, sealDraft } from '../../src/runtime/drafts/draft-crypto.js';
import type { YibiaoInvalidDataDetail } from '../../src/runtime/events/yibiao-invalid-data-event.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { deepEqual, equal, includes, ok, waitFor } from '../e2e/assert.js';
import { eventually, type HostFrame, mountForm, openFrame, renderedIn, settle, type Updating } from './browser.js';

const TAG = 'yibiao-widget-limits';
const FIVE_MB = 5 * 1024 * 1024;
/** The element must answer hostile data at once: far below the ~15 s a 5 MB <input> took to lay out. */
const ANSWER_MS = 1_000;

let model: FormModel;
let example: Record<string, unknown>;
let el: YibiaoFormElement;

function deep(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}

const nameInput = (host: Updating = el) => host.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement | null;

before(async () => {
  model = (await (await fetch('/dist/forms/shandong/model.json')).json()) as FormModel;
  const { validate } = (await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction };
  example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
  defineForm({ tag: TAG, form: { model, validate } });
});

describe('case 8 in the widget: the data property refuses data beyond the limits, whole', () => {
  beforeEach(async () => {
    el = await mountForm(TAG, structuredClone(example));
    await settle(el);
  });

  afterEach(() => {
    el.remove();
  });

  for (const [what, make, limit, pointer] of [
    ['2,000-deep arrays', () => ({ ...example, applicant: { ...(example.applicant as object), name: deep(2_000) } }), 'depth', /^\/applicant\/name(\/0)+$/],
    ['a 5 MB string as 姓名', () => ({ ...example, applicant: { ...(example.applicant as object), name: '张'.repeat(FIVE_MB) } }), 'string', /^\/applicant\/name$/],
    ['10,000 items as the services', () => ({ ...example, services: Array.from({ length: 10_000 }, () => 'pensionRegistration') }), 'array', /^\/services$/],
  ] as const) {
    it(`${what}: a TypeError and yibiao-invalid-data (${limit}) within 1 s; the form keeps its data and answers`, async () => {
      const events: YibiaoInvalidDataDetail[] = [];
      el.addEventListener('yibiao-invalid-data', (e) => events.push(e.detail));
      const hostile = make();
      const started = performance.now();
      let error: unknown;
      try {
        el.data = hostile;
      } catch (e) {
        error = e;
      }
      await settle(el);
      const took = performance.now() - started;
      ok(took < ANSWER_MS, `answered in ${Math.round(took)} ms`);
      ok(error instanceof TypeError, 'the assignment throws a TypeError');
      includes(error.message, 'E_DATA_LIMIT');
      equal(events.length, 1, 'one yibiao-invalid-data');
      const [detail] = events;
      equal(detail?.source, 'data');
      equal(detail?.limit, limit);
      ok(pointer.test(detail?.pointer ?? ''), `the pointer ${detail?.pointer}`);
      includes(detail?.message.en, 'refused');
      equal(error.message, detail?.message['zh-CN'], 'the thrown message is the event\'s, in the form\'s language');
      deepEqual(el.data, example, 'the data held before is kept');
      equal(nameInput()?.value, (example.applicant as { name: string }).name, 'and still shown');
      const result = await el.submit();
      ok(result.valid, 'and can still be submitted');
    });
  }

  it('takes data at the limits (a 2,000-character 姓名) and shows the field\'s maxLength error instead', async () => {
    const events: unknown[] = [];
    el.addEventListener('yibiao-invalid-data', (e) => events.push(e.detail));
    el.data = { ...example, applicant: { ...(example.applicant as object), name: '张'.repeat(2_000) } };
    await settle(el);
    equal(events.length, 0);
    equal(nameInput()?.value.length, 2_000);
    const result = await el.submit();
    equal(result.valid, false);
    deepEqual(result.valid ? [] : result.errors.map((e) => `${e.path} ${e.code}`), ['/applicant/name maxLength']);
  });

  it('in English, the thrown message is English', async () => {
    el.lang = 'en';
    await settle(el);
    let message = '';
    try {
      el.data = { applicant: { name: 'x'.repeat(2_001) } };
    } catch (e) {
      message = (e as Error).message;
    }
    equal(message, 'The form data was refused (E_DATA_LIMIT): the text at /applicant/name is longer than 2000 characters');
  });
});

describe('a stored draft beyond the limits', () => {
  let frames: HostFrame[] = [];

  afterEach(async () => {
    for (const f of frames) f.remove();
    frames = [];
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  async function open(query: string): Promise<{ host: HostFrame; el: Updating }> {
    const host = await openFrame(`/tests/security/fixtures/drafts.html?${query}`);
    frames.push(host);
    const form = await renderedIn<Updating>(host, 'yibiao-shandong');
    await settle(form, host.win);
    return { host, el: form };
  }

  /** The drafts database's key, made by a first draft of the real module. */
  async function draftKey(): Promise<CryptoKey> {
    const first = await open('key=k-limits-first');
    (nameInput(first.el) as HTMLInputElement).focus();
    await sendKeys({ type: '张三' });
    await waitFor(() => (first.host.win as unknown as { __saved: unknown[] }).__saved[0], 'a first draft', 10_000);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yibiao-drafts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<CryptoKey>((resolve, reject) => {
        const request = db.transaction('keys').objectStore('keys').getAll();
        request.onsuccess = () => resolve((request.result as CryptoKey[])[0] as CryptoKey);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }

  async function drafts(op: (store: IDBObjectStore) => IDBRequest): Promise<unknown> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yibiao-drafts');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise((resolve, reject) => {
        const tx = db.transaction('drafts', 'readwrite');
        const request = op(tx.objectStore('drafts'));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }

  it('is deleted, not restored, with a notice and yibiao-invalid-data (source draft); a draft within them restores', async () => {
    const key = await draftKey();
    const aad = draftAad('shandong', model.schemaHash);
    const big = { services: ['pensionRegistration'], applicant: { name: '王五', address: '张'.repeat(FIVE_MB) } };
    const record = await sealDraft(key, aad, { savedAt: Date.now(), data: big, raw: {}, files: [] }, 86_400_000);
    await drafts((s) => s.put(record, 'shandong\u0000k-limits'));

    const started = performance.now();
    const { host, el: form } = await open('key=k-limits');
    const notice = await waitFor(() => form.shadowRoot?.querySelector('[part="notice"]'), 'the notice', 10_000);
    ok(performance.now() - started < 10_000, 'the page came up');
    includes(notice.textContent, '草稿超出');
    equal(nameInput(form)?.value, '', 'nothing restored');
    const reported = (host.win as unknown as { __invalidData: YibiaoInvalidDataDetail[] }).__invalidData;
    deepEqual(
      reported.map((d) => [d.source, d.limit, d.pointer]),
      [['draft', 'string', '/applicant/address']],
    );
    await eventually(async () => (await drafts((s) => s.get('shandong\u0000k-limits'))) === undefined, 'the draft deleted');

    // Control: the same draft within the limits restores.
    const fine = await sealDraft(key, aad, { savedAt: Date.now(), data: { ...big, applicant: { name: '王五' } }, raw: {}, files: [] }, 86_400_000);
    await drafts((s) => s.put(fine, 'shandong\u0000k-limits'));
    const again = await open('key=k-limits');
    await waitFor(() => nameInput(again.el)?.value === '王五', 'the draft within the limits restored');
    includes(again.el.shadowRoot?.querySelector('[part="notice"]')?.textContent, '已恢复');
  });
});
