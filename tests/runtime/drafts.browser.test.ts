/**
 * Drafts (SECURITY.md §2 "Drafts", §3 cases 30, 31, 33, 35, §4): encrypted
 * with AES-256-GCM under a non-extractable key kept in IndexedDB, a fresh IV
 * per write, AAD = form id ‖ schema hash; autosaved 1 s after the last change
 * and on pagehide; restored with a notice and a "start again" action; gone
 * after a successful submission, "start again" or expiry; never holding an
 * unticked section; off, with a notice, when the key cannot be stored.
 * "Reload" here is removing the element and creating a new one.
 */
import { defineForm } from '../../src/runtime/define-form.js';
import { DRAFT_DB_NAME } from '../../src/runtime/drafts/draft-store.js';
import { createDeviceSigner, type Signer } from '../../src/submission/index.js';
import { deepEqual, equal, includes, notEqual, ok, rejects } from '../e2e/assert.js';
import { buildJpeg, fileOf } from './fixtures/files.js';
import { fullForm, fullModel, otherForm } from './fixtures/full-form.js';
import { FormHarness } from './harness.js';

defineForm({ tag: 'yibiao-draft', form: fullForm });
defineForm({ tag: 'yibiao-other', form: otherForm });

const NAME = '张三丰';
const ID = '11010519491231002X';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function db(): Promise<IDBDatabase> {
  return request(indexedDB.open(DRAFT_DB_NAME));
}

/** Every record in a store, straight from IndexedDB (what a dump of the profile would show). */
async function dump(store: 'drafts' | 'keys'): Promise<Map<string, unknown>> {
  const d = await db();
  try {
    const os = d.transaction(store).objectStore(store);
    const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
    return new Map(keys.map((k, i) => [String(k), values[i]]));
  } finally {
    d.close();
  }
}

async function put(store: 'drafts', id: string, value: unknown): Promise<void> {
  const d = await db();
  try {
    const tx = d.transaction(store, 'readwrite');
    tx.objectStore(store).put(value, id);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    d.close();
  }
}

const recordId = (key: string, form = 'full') => `${form}\u0000${key}`;

/** Writes the pending draft now, as `pagehide` does (the 1 s debounce itself is tested once, above). */
async function saveNow(h: FormHarness): Promise<CustomEvent<{ savedAt: number; expiresAt: number }>> {
  const saved = h.next('yibiao-draft-saved', 3000);
  window.dispatchEvent(new PageTransitionEvent('pagehide'));
  return saved;
}

let n = 0;
/** A fresh draft key per test, so that tests never see each other's drafts. */
function freshKey(): string {
  n += 1;
  return `t${n}-${Math.random().toString(36).slice(2)}`;
}

async function mount(key: string, extra: Record<string, string> = {}, tag = 'yibiao-draft'): Promise<FormHarness> {
  const h = await FormHarness.mount(tag, { 'draft-key': key, ...extra });
  // Let the restore (IndexedDB read + decrypt) finish.
  await new Promise((resolve) => setTimeout(resolve, 150));
  await h.settle();
  return h;
}

/** Decrypts a stored draft with the stored key, as only this origin's script can. */
async function decrypt(id: string, formId = fullModel.id, schemaHash = fullModel.schemaHash): Promise<string> {
  const key = (await dump('keys')).get('aes-256-gcm') as CryptoKey;
  const record = (await dump('drafts')).get(id) as { iv: Uint8Array; ciphertext: ArrayBuffer };
  const aad = new TextEncoder().encode(`${formId}\u0000${schemaHash}`);
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: record.iv as Uint8Array<ArrayBuffer>, additionalData: aad }, key, record.ciphertext);
  return new TextDecoder().decode(plain);
}

describe('encrypted drafts', () => {
  before(async () => {
    await new Promise((resolve) => {
      const req = indexedDB.deleteDatabase(DRAFT_DB_NAME);
      req.onsuccess = resolve;
      req.onerror = resolve;
      req.onblocked = resolve;
    });
  });

  it('turns drafts off with a notice when the key cannot be stored (DataCloneError), writing nothing (case 35)', async () => {
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (value instanceof CryptoKey) throw new DOMException('CryptoKey cannot be cloned', 'DataCloneError');
      return original.call(this, value, key);
    };
    const key = freshKey();
    const h = await mount(key);
    try {
      await h.fill('yb-applicant-name', NAME);
      await h.waitFor(() => h.$('[part="notice"]'), 'the drafts-off notice');
      includes(h.$('[part="notice"]')?.textContent, '此浏览器无法安全保存草稿，草稿功能已关闭');
      equal(h.$('[part="notice"]')?.getAttribute('role'), 'status');
      await new Promise((resolve) => setTimeout(resolve, 1300));
      equal((await dump('drafts')).size, 0, 'no draft written, in plaintext or otherwise');
      equal((await dump('keys')).size, 0);
      equal(h.control('yb-applicant-name').value, NAME, 'typing goes on');
    } finally {
      IDBObjectStore.prototype.put = original;
      h.el.remove();
    }
  });

  it('autosaves 1 s after the last change, once per burst, as ciphertext with a fresh IV (case 30)', async () => {
    const key = freshKey();
    const h = await mount(key);
    let saves = 0;
    h.el.addEventListener('yibiao-draft-saved', () => {
      saves += 1;
    });
    const started = performance.now();
    await h.fill('yb-applicant-name', NAME);
    await h.fill('yb-applicant-idNumber', ID);
    const saved = await h.next('yibiao-draft-saved', 3000);
    const waited = performance.now() - started;
    ok(waited >= 1000, `waited ${Math.round(waited)} ms`);
    equal(saves, 1);
    ok(saved.detail.expiresAt - saved.detail.savedAt === 7 * 86_400_000, 'default TTL 7 days');
    const first = (await dump('drafts')).get(recordId(key)) as { iv: Uint8Array; ciphertext: ArrayBuffer };
    equal(first.iv.length, 12, '96-bit IV');
    const bytes = new Uint8Array(first.ciphertext);
    const text = new TextDecoder('latin1').decode(bytes);
    for (const secret of [NAME, ID, 'idNumber', 'applicant']) {
      ok(!text.includes(secret) && !new TextDecoder().decode(bytes).includes(secret), `no plaintext ${secret}`);
    }
    const storedKey = (await dump('keys')).get('aes-256-gcm') as CryptoKey;
    equal(storedKey.extractable, false);
    deepEqual(storedKey.usages.slice().sort(), ['decrypt', 'encrypt']);
    await rejects(crypto.subtle.exportKey('raw', storedKey), 'exportKey throws');
    await h.fill('yb-applicant-name', '!');
    await h.next('yibiao-draft-saved', 3000);
    const second = (await dump('drafts')).get(recordId(key)) as { iv: Uint8Array };
    notEqual([...second.iv].join(), [...first.iv].join(), 'a fresh IV per write');
    h.el.remove();
  });

  it('restores the draft on reload with a notice, and “start again” clears it', async () => {
    const key = freshKey();
    const a = await mount(key);
    await a.fill('yb-applicant-name', NAME);
    await a.tick('yb-services');
    await a.fill('yb-card-bank', '工商银行');
    await saveNow(a);
    a.el.remove();

    const b = await mount(key);
    equal(b.control('yb-applicant-name').value, NAME);
    equal(b.control('yb-card-bank').value, '工商银行');
    const notice = b.$('[part="notice"]');
    includes(notice?.textContent, '已恢复您上次未提交的草稿');
    const again = [...(notice?.querySelectorAll('button') ?? [])].find((x) => x.textContent === '重新开始');
    ok(again, 'a 重新开始 button');
    b.el.lang = 'en';
    await b.settle();
    includes(b.$('[part="notice"]')?.textContent, 'We restored the draft you had not submitted');
    (b.$('[part="notice"] button') as HTMLButtonElement).click();
    await b.settle();
    equal(b.control('yb-applicant-name').value, '');
    equal(b.$('[part="notice"]'), null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    equal((await dump('drafts')).has(recordId(key)), false, 'deleted');
    b.el.remove();

    const c = await mount(key);
    equal(c.control('yb-applicant-name').value, '');
    equal(c.$('[part="notice"]'), null);
    c.el.remove();
  });

  it('writes at once on pagehide, before the 1 s debounce', async () => {
    const key = freshKey();
    const h = await mount(key);
    await h.fill('yb-applicant-name', NAME);
    const saved = h.next('yibiao-draft-saved', 500);
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await saved;
    h.el.remove();
  });

  it('keeps only the ticked sections in the draft, never an unticked one (minimisation)', async () => {
    const key = freshKey();
    const h = await mount(key);
    await h.tick('yb-services');
    await h.fill('yb-card-bank', '秘密银行');
    await h.tick('yb-services'); // unticked: the bank stays in memory only
    await h.fill('yb-applicant-name', NAME);
    await saveNow(h);
    const plain = await decrypt(recordId(key));
    includes(plain, NAME);
    ok(!plain.includes('秘密银行') && !plain.includes('"card"'), 'the unticked section is not in the draft');
    equal((h.el.data.card as Record<string, unknown>).bank, '秘密银行', 'but it is still in memory');
    h.el.remove();
    const again = await mount(key);
    equal(again.el.data.card, undefined);
    again.el.remove();
  });

  it('keeps attachments in the encrypted draft and restores them, names as text (case 4)', async () => {
    const key = freshKey();
    const h = await mount(key);
    const name = '<img src=x onerror=alert(1)>.jpg';
    await h.tick('yb-services');
    await h.fill('yb-applicant-name', '<img src=x onerror=alert(1)>');
    await h.pick('yb-material-cardPhoto', [fileOf(buildJpeg({ width: 358, height: 441, size: 40_000 }), name, 'image/jpeg')]);
    await saveNow(h);
    const plain = await decrypt(recordId(key));
    ok(plain.includes(name) && plain.includes('JFIF'), 'the photo is in the draft, encrypted');
    h.el.remove();
    const again = await mount(key);
    equal(again.$('[data-material="cardPhoto"] .file__name')?.textContent, name);
    equal(again.control('yb-applicant-name').value, '<img src=x onerror=alert(1)>');
    const images = again.$$('img');
    equal(images.length, 1, 'the only image is the preview');
    ok((images[0] as HTMLImageElement).src.startsWith('blob:'));
    again.el.remove();
  });

  it('separates drafts by draft-key, and keeps none with no-draft', async () => {
    const key = freshKey();
    const a = await mount(key);
    await a.fill('yb-applicant-name', NAME);
    await saveNow(a);
    a.el.remove();
    const other = await mount(freshKey());
    equal(other.control('yb-applicant-name').value, '', 'another key, another draft');
    other.el.remove();
    const none = await mount(key, { 'no-draft': '' });
    equal(none.control('yb-applicant-name').value, '', 'no-draft reads nothing');
    await none.fill('yb-applicant-idNumber', ID);
    let saved = false;
    none.el.addEventListener('yibiao-draft-saved', () => {
      saved = true;
    });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    equal(saved, false, 'no-draft writes nothing');
    none.el.remove();
    ok(!(await decrypt(recordId(key))).includes(ID), 'the stored draft was not touched');
  });

  it('expires a draft after draft-ttl, and after 8 days by default (case 31)', async () => {
    const key = freshKey();
    const a = await mount(key, { 'draft-ttl': '1s' });
    await a.fill('yb-applicant-name', NAME);
    const saved = await saveNow(a);
    equal(saved.detail.expiresAt - saved.detail.savedAt, 1000);
    a.el.remove();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const b = await mount(key, { 'draft-ttl': '1s' });
    equal(b.control('yb-applicant-name').value, '', 'expired');
    equal((await dump('drafts')).has(recordId(key)), false, 'and deleted');
    b.el.remove();

    const key2 = freshKey();
    const c = await mount(key2);
    await c.fill('yb-applicant-name', NAME);
    await saveNow(c);
    c.el.remove();
    const realNow = Date.now;
    Date.now = () => realNow() + 8 * 86_400_000;
    try {
      const d = await mount(key2);
      equal(d.control('yb-applicant-name').value, '', 'an 8-day-old draft is not restored');
      d.el.remove();
    } finally {
      Date.now = realNow;
    }
  });

  it('never opens one form’s draft in another form: the AAD differs (case 31)', async () => {
    const key = freshKey();
    const a = await mount(key);
    await a.fill('yb-applicant-name', NAME);
    await saveNow(a);
    a.el.remove();
    // Copy the ciphertext to where the other form looks for its draft.
    await put('drafts', recordId(key, 'other'), (await dump('drafts')).get(recordId(key)));
    const b = await mount(key, {}, 'yibiao-other');
    equal(b.control('yb-applicant-name').value, '');
    equal(b.$('[part="notice"]'), null);
    b.el.remove();
    await rejects(decrypt(recordId(key), otherForm.model.id, otherForm.model.schemaHash), 'the AAD of the other form fails authentication');
  });

  it('keeps everything after an invalid submit, a failed one and a signed one, and clears the draft on acknowledgement (case 33)', async () => {
    const key = freshKey();
    const h = await mount(key);
    await h.fill('yb-applicant-name', NAME);
    await h.fill('yb-applicant-idNumber', ID);
    const invalid = await h.el.submit();
    equal(invalid.valid, false);
    equal(h.control('yb-applicant-name').value, NAME);
    await saveNow(h);

    await h.tick('yb-services-1');
    await h.fill('yb-fund-rate', '8');
    await h.choose('yb-applicant-home', '370000');
    await h.choose('yb-applicant-home-city', '370100');
    await h.choose('yb-applicant-home-county', '370103');
    await h.fill('yb-applicant-home-detail', '经七路');
    const device = await createDeviceSigner();
    const failing: Signer = {
      alg: 'ES256',
      sign: () => Promise.reject(new Error('503 Service Unavailable')),
      publicJwk: () => device.publicJwk(),
    };
    h.el.signer = failing;
    const error = (await rejects(h.el.submit())) as Error;
    includes(error.message, '503');
    await h.settle();
    includes(h.$('[part="actions"] [role="alert"]')?.textContent, '您填写的内容都已保留');
    equal(h.control('yb-fund-rate').value, '8');
    equal(h.control('yb-applicant-home-detail').value, '经七路');
    // Removing the element writes the pending draft at once.
    const flushed = h.next('yibiao-draft-saved', 3000);
    h.el.remove();
    await flushed;

    // "Reload" after the failure: everything is back.
    const again = await mount(key);
    equal(again.control('yb-applicant-name').value, NAME);
    equal(again.control('yb-fund-rate').value, '8');
    equal(again.select('yb-applicant-home-county').value, '370103');
    const ok1 = await again.el.submit();
    ok(ok1.valid, JSON.stringify(ok1));
    equal((await dump('drafts')).has(recordId(key)), true, 'kept after signing, until the host acknowledges');
    await again.el.acknowledge();
    equal((await dump('drafts')).has(recordId(key)), false, 'cleared on acknowledgement');
    again.el.remove();
    const after = await mount(key);
    equal(after.control('yb-applicant-name').value, '');
    after.el.remove();
  });
});
