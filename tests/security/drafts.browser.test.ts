/**
 * Drafts (SECURITY.md §2 "Drafts", §4 "Reliability", §3 cases 30, 31, 35),
 * with the REAL built modules on a host page (tests/security/fixtures/
 * drafts.html + draft-host.js) in frames, typed into with real key events,
 * reloaded for real; IndexedDB is read directly from the test page (same
 * origin) to check what is stored.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { FormModel } from '../../src/ir/types.js';
import { draftAad, openDraft, sealDraft } from '../../src/runtime/drafts/draft-crypto.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { createMemoryNonceStore, verify } from '../../src/submission/index.js';
import { equal, includes, notEqual, ok, waitFor } from '../e2e/assert.js';
import { ACTIVE_ELEMENTS, eventually, expectNothingRan, type HostFrame, openFrame, renderedIn, settle, type Updating } from './browser.js';

const DB = 'yibiao-drafts';
/** Markup as 姓名: restored from the draft, it must come back as text (case 4 "after restore"). */
const NAME = '张三丰<img src=x onerror="window.__yibiaoXss=1">';
const ID = '11010519491231002X';

interface Submitted {
  valid: boolean;
  errors?: readonly { path: string }[];
  token?: string;
  payload?: { nonce: string; submissionId: string };
}
interface FormHost extends Updating {
  data: Record<string, unknown>;
  submit(): Promise<Submitted>;
  acknowledge(receipt?: { reference?: string }): Promise<void>;
}
interface Saved {
  readonly at: number;
  readonly savedAt: number;
}
interface Record_ {
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
  readonly savedAt: number;
  readonly expiresAt: number;
}

let frames: HostFrame[] = [];

async function open(query: string): Promise<{ host: HostFrame; el: FormHost }> {
  const host = await openFrame(`/tests/security/fixtures/drafts.html?${query}`);
  frames.push(host);
  const form = new URLSearchParams(query).get('form') ?? 'shandong';
  const el = await renderedIn<FormHost>(host, `yibiao-${form}`);
  await settle(el, host.win);
  return { host, el };
}

function control(el: FormHost, id: string): HTMLInputElement {
  const node = el.shadowRoot?.getElementById(id);
  ok(node, `#${id} is rendered`);
  return node as HTMLInputElement;
}

async function type(host: HostFrame, el: FormHost, id: string, text: string): Promise<number> {
  control(el, id).focus();
  await sendKeys({ type: text });
  const last = host.win.performance.now();
  await settle(el, host.win);
  return last;
}

const saved = (host: HostFrame) => (host.win as unknown as { __saved: Saved[] }).__saved;

async function waitSaved(host: HostFrame, count = 1): Promise<Saved> {
  return waitFor(() => saved(host)[count - 1], `draft write #${count}`, 10_000);
}

/** Runs `fn` on the drafts database, read from the test page (same origin as the frames). */
async function withDb<T>(fn: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

function read<T>(db: IDBDatabase, store: string, key?: IDBValidKey): Promise<T> {
  return new Promise((resolve, reject) => {
    if (!db.objectStoreNames.contains(store)) {
      resolve((key === undefined ? [] : undefined) as T);
      return;
    }
    const s = db.transaction(store).objectStore(store);
    const request = key === undefined ? s.getAll() : s.get(key);
    request.onsuccess = () => resolve(request.result as T);
    request.onerror = () => reject(request.error);
  });
}

const recordOf = (formId: string, key: string) => withDb((db) => read<Record_ | undefined>(db, 'drafts', `${formId}\u0000${key}`));
const storedKeys = () => withDb((db) => read<CryptoKey[]>(db, 'keys'));

async function deleteDb(): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('the drafts database is still open'));
  });
}

/** Reloads a host page and waits for its element to restore the draft (its 姓名 is `name`). */
async function reload(first: { host: HostFrame }, name: string): Promise<{ win: Window & typeof globalThis; el: FormHost }> {
  const before = first.host.frame.contentDocument;
  first.host.win.location.reload();
  const doc = await waitFor(() => {
    const d = first.host.frame.contentDocument;
    return d !== null && d !== before && d.readyState !== 'loading' ? d : undefined;
  }, 'the reloaded page');
  const el = await waitFor(() => {
    const e = doc.querySelector('yibiao-shandong') as FormHost | null;
    const input = e?.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement | null | undefined;
    return input?.value === name ? e : undefined;
  }, 'the draft restored after the reload', 10_000);
  await settle(el, first.host.win);
  return { win: first.host.win, el };
}

/** The valid Shandong example, made in the host page's realm. */
async function exampleIn(win: Window & typeof globalThis): Promise<Record<string, unknown>> {
  const example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: unknown }).data;
  return win.JSON.parse(JSON.stringify(example)) as Record<string, unknown>;
}

async function schemaHash(form: string): Promise<string> {
  return ((await (await fetch(`/dist/forms/${form}/model.json`)).json()) as { schemaHash: string }).schemaHash;
}

describe('drafts', () => {
  before(async () => {
    await deleteDb();
  });

  afterEach(async () => {
    for (const f of frames) f.remove();
    frames = [];
    // Let the removed pages close their connections.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });

  it('case 35: a browser that cannot store a CryptoKey gets drafts off, with a notice, and nothing is written', async () => {
    const { host, el } = await open('key=k35&dataclone=1');
    await type(host, el, 'yb-applicant-name', NAME);
    const notice = await waitFor(() => el.shadowRoot?.querySelector('[part="notice"]'), 'the drafts-off notice', 5_000);
    includes(notice.textContent, '草稿');
    equal(saved(host).length, 0, 'no draft-saved event');
    equal((await storedKeys()).length, 0, 'no key stored');
    equal(await recordOf('shandong', 'k35'), undefined, 'no draft stored');
    equal(control(el, 'yb-applicant-name').value, NAME, 'what was typed stays in the form');
  });

  it('case 30: a draft is written within 2 s of the last key (1 s debounce, no pagehide needed) and survives a reload', async () => {
    const first = await open('key=k30');
    await type(first.host, first.el, 'yb-applicant-name', NAME);
    const last = await type(first.host, first.el, 'yb-applicant-idNumber', ID);
    const write = await waitSaved(first.host);
    ok(write.at - last < 2_000, `written ${Math.round(write.at - last)} ms after the last key`);
    // A renderer that crashes now (2 s after the last key) has lost nothing: the record is already there.
    ok(await recordOf('shandong', 'k30'), 'the record is stored before the page goes');

    first.host.win.location.reload();
    const host = await waitFor(() => {
      const d = first.host.frame.contentDocument;
      return d !== null && d !== first.host.doc && d.readyState !== 'loading' ? d : undefined;
    }, 'the reloaded page');
    const el = await waitFor(() => {
      const e = host.querySelector('yibiao-shandong') as FormHost | null;
      const input = e?.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement | null | undefined;
      return input?.value === NAME ? e : undefined;
    }, 'the draft restored after the reload', 10_000);
    equal((el.shadowRoot?.getElementById('yb-applicant-idNumber') as HTMLInputElement | null)?.value, ID);
    includes(el.shadowRoot?.querySelector('[part="notice"]')?.textContent, '已恢复');
    equal(el.shadowRoot?.querySelectorAll(ACTIVE_ELEMENTS).length, 0, 'the restored markup is text (case 4)');
    await expectNothingRan(first.host.frame.contentWindow as Window);
  });

  it('case 30: the IndexedDB dump holds no 姓名 or ID; the key is a non-extractable CryptoKey; another key cannot decrypt', async () => {
    const record = await recordOf('shandong', 'k30');
    ok(record, 'the draft of the previous test');
    const [key] = await storedKeys();
    ok(key instanceof CryptoKey, 'the key is stored as a CryptoKey object, never as bytes');
    equal(key.extractable, false);
    let exported = false;
    for (const format of ['raw', 'jwk'] as const) {
      try {
        await crypto.subtle.exportKey(format, key);
        exported = true;
      } catch {
        // InvalidAccessError: what we want
      }
    }
    equal(exported, false, 'exportKey throws');
    const bytes = new Uint8Array(record.ciphertext);
    const dump = `${new TextDecoder('latin1').decode(bytes)}\n${new TextDecoder('utf-8').decode(bytes)}\n${JSON.stringify(record)}`;
    for (const secret of [NAME, ID, '11010519491231', 'applicant', 'idNumber']) ok(!dump.includes(secret), `the dump shows ${secret}`);
    const aad = draftAad('shandong', await schemaHash('shandong'));
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    equal(await openDraft(other, aad, record), undefined, 'another key cannot decrypt');
    const opened = await openDraft(key, aad, record);
    equal((opened?.data.applicant as Record<string, unknown> | undefined)?.name, NAME, 'control: the stored key does');
  });

  it('case 6: a draft whose data carries __proto__ is restored without it, and pollutes nothing', async () => {
    const [key] = await storedKeys();
    ok(key, 'the key of the earlier drafts');
    const data = JSON.parse('{"__proto__":{"polluted":true},"services":["pensionRegistration"],"applicant":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"name":"王五"}}') as Record<string, unknown>;
    const record = await sealDraft(key, draftAad('shandong', await schemaHash('shandong')), { savedAt: Date.now(), data, raw: {}, files: [] }, 7 * 86_400_000);
    await withDb(
      (db) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put(record, 'shandong\u0000k6');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    );
    const { host, el } = await open('key=k6');
    await waitFor(() => control(el, 'yb-applicant-name').value === '王五', 'the draft restored');
    const restored = JSON.stringify(el.data);
    ok(!/__proto__|constructor|prototype|polluted/.test(restored), `restored without the forbidden keys: ${restored}`);
    equal(({} as Record<string, unknown>).polluted, undefined, 'the test page is clean');
    equal((new host.win.Object() as Record<string, unknown>).polluted, undefined, 'the host page is clean');
  });

  it('case 31: a Shandong draft does not open in Weihai, even under Weihai\'s record id', async () => {
    const record = await recordOf('shandong', 'k30');
    ok(record);
    const [key] = await storedKeys();
    equal(await openDraft(key as CryptoKey, draftAad('weihai', await schemaHash('weihai')), record), undefined, 'the AAD binds the form and schema');
    await withDb(
      (db) =>
        new Promise<void>((resolve, reject) => {
          const tx = db.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put(record, 'weihai\u0000k30');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        }),
    );
    const { host, el } = await open('form=weihai&key=k30');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(el, host.win);
    equal(control(el, 'yb-applicant-name').value, '', 'nothing restored');
    equal(el.shadowRoot?.querySelector('[part="notice"]'), null, 'no restored notice');
  });

  it('case 31: "start again" clears the restored data and deletes the draft', async () => {
    const { host, el } = await open('key=k30');
    await waitFor(() => control(el, 'yb-applicant-name').value === NAME, 'restored');
    const button = el.shadowRoot?.querySelector('[part="notice"] button') as HTMLButtonElement | null;
    ok(button, 'a start-again button');
    button.click();
    await settle(el, host.win);
    equal(control(el, 'yb-applicant-name').value, '');
    await eventually(async () => (await recordOf('shandong', 'k30')) === undefined, 'the draft deleted');
    equal(await recordOf('shandong', 'k30'), undefined);
  });

  it('case 31: a draft 8 days old is not restored, and is deleted', async () => {
    const first = await open('key=k31-old');
    await type(first.host, first.el, 'yb-applicant-name', NAME);
    await waitSaved(first.host);
    first.host.remove();
    const { host, el } = await open('key=k31-old&days=8');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(el, host.win);
    equal(control(el, 'yb-applicant-name').value, '', 'not restored');
    await eventually(async () => (await recordOf('shandong', 'k31-old')) === undefined, 'the expired draft deleted');
  });

  it('case 31: a signed submission keeps the draft, with its token, until acknowledge(); then it is gone and the receipt shows the reference', async () => {
    const { host, el } = await open('key=k31-ack');
    el.data = await exampleIn(host.win);
    await waitSaved(host);
    const result = await el.submit();
    ok(result.valid && result.token !== undefined && result.payload !== undefined, JSON.stringify(result.errors?.map((e) => e.path)));
    const record = await recordOf('shandong', 'k31-ack');
    ok(record, 'signing did not delete the draft: the intake has not acknowledged yet');
    const [key] = await storedKeys();
    const opened = await openDraft(key as CryptoKey, draftAad('shandong', await schemaHash('shandong')), record);
    equal(opened?.pending?.submissionId, result.payload.submissionId, 'the draft holds the submissionId');
    equal(opened?.pending?.signed?.token, result.token, 'and the token, encrypted with the data');
    await el.acknowledge({ reference: 'SD-2026-000123' });
    equal(await recordOf('shandong', 'k31-ack'), undefined, 'deleted on acknowledgement');
    await settle(el, host.win);
    includes(el.shadowRoot?.querySelector('[part="receipt"]')?.textContent, 'SD-2026-000123');
    const again = await el.submit();
    equal(again.token, result.token, 'the same data after acknowledgement: still the same token (one record)');
    await el.acknowledge();
    el.data = { ...(await exampleIn(host.win)), applicant: { ...((await exampleIn(host.win)).applicant as object), phone: '13912345678' } };
    const changed = await el.submit();
    notEqual(changed.payload?.submissionId, result.payload.submissionId, 'changed data after acknowledgement is a new submission');
  });

  it('case 33: a reload before acknowledge() brings the data and the token back; the same data resends the same token (same nonce, same submissionId): one record', async () => {
    const first = await open('key=k33');
    first.el.data = await exampleIn(first.host.win);
    const signed = await first.el.submit();
    ok(signed.valid && signed.token !== undefined && signed.payload !== undefined);
    // The host's POST failed (503, offline) and the person reloads the page.
    const { win, el } = await reload(first, '李明');
    equal(control(el, 'yb-applicant-phone').value, '13812345678', 'every field is back');
    const resent = await el.submit();
    equal(resent.token, signed.token, 'the same token');
    equal(resent.payload?.nonce, signed.payload.nonce);
    equal(resent.payload?.submissionId, signed.payload.submissionId);
    const model = (await (await fetch('/dist/forms/shandong/model.json')).json()) as FormModel;
    const { validate } = (await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction };
    const forms = { get: (id: string) => (id === model.id ? { model, validate } : undefined) };
    const nonceStore = createMemoryNonceStore();
    const verdicts = [await verify(signed.token, { forms, nonceStore }), await verify(resent.token as string, { forms, nonceStore })];
    equal(verdicts[0]?.ok, true, 'the intake keeps the first');
    equal(verdicts[1]?.ok === false && verdicts[1].code, 'E_REPLAY', 'and knows the second for the same one');
    ok(await recordOf('shandong', 'k33'), 'still kept: nothing acknowledged yet');

    // SECURITY.md §4: changed data is re-signed with a new nonce and the same submissionId, after the reload too.
    const example = await exampleIn(win);
    el.data = { ...example, applicant: { ...(example.applicant as object), phone: '13912345678' } };
    const changed = await el.submit();
    ok(changed.valid && changed.payload !== undefined);
    notEqual(changed.token, signed.token, 'a new signature');
    notEqual(changed.payload.nonce, signed.payload.nonce, 'a new nonce');
    equal(changed.payload.submissionId, signed.payload.submissionId, 'the same submissionId');
    equal((await verify(changed.token as string, { forms, nonceStore })).ok, true, 'the new token verifies');
    await el.acknowledge();
    equal(await recordOf('shandong', 'k33'), undefined, 'gone on acknowledgement');
  });

  it('SECURITY.md §4: changed data after submit, on the same page, is re-signed with a new nonce and the same submissionId', async () => {
    const { host, el } = await open('key=k33-change');
    const example = await exampleIn(host.win);
    el.data = example;
    const first = await el.submit();
    ok(first.valid && first.payload !== undefined);
    el.data = { ...example, applicant: { ...(example.applicant as object), phone: '13912345678' } };
    const second = await el.submit();
    ok(second.valid && second.payload !== undefined, JSON.stringify(second.errors));
    notEqual(second.payload.nonce, first.payload.nonce);
    equal(second.payload.submissionId, first.payload.submissionId);
    // Unchanged since: the same token again.
    equal((await el.submit()).token, second.token);
  });

  it('two tabs with the same draft key share one key and the last draft written (nothing is lost within a tab)', async () => {
    for (const f of frames) f.remove();
    frames = [];
    await new Promise((resolve) => setTimeout(resolve, 100));
    await deleteDb();
    const [a, b] = await Promise.all([open('key=k-tabs'), open('key=k-tabs')]);
    await type(a.host, a.el, 'yb-applicant-name', '甲');
    await waitSaved(a.host);
    await type(b.host, b.el, 'yb-applicant-name', '乙');
    await waitSaved(b.host);
    equal((await storedKeys()).length, 1, 'one key for both tabs (the key race is settled)');
    equal(control(a.el, 'yb-applicant-name').value, '甲', 'tab A keeps what it typed');
    const c = await open('key=k-tabs');
    await waitFor(() => control(c.el, 'yb-applicant-name').value === '乙', 'a third tab restores the last draft written');
  });
});
