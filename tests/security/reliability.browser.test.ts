/**
 * Nothing lost (SECURITY.md §4 "Reliability", §3 cases 8, 32, 33, 34 and the
 * issue's item 6): the element bound to the real Shandong model and its real
 * standalone validator (dist/forms/shandong/*), driven with real key events.
 * An invalid submit, a failing signer and a failed delivery keep every
 * character; a double click or Enter + click signs once; a 5 MB paste is cut
 * to the field's length without freezing the page. Reload and second-tab
 * behaviour is tests/security/drafts.browser.test.ts.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { FormModel } from '../../src/ir/types.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { createDeviceSigner, createMemoryNonceStore, verify } from '../../src/submission/index.js';
import { deepEqual, equal, includes, ok, waitFor } from '../e2e/assert.js';
import { type CountingSigner, countingSigner } from '../helpers/counting-signer.js';
import { loadShandong, mountForm, settle } from './browser.js';

const TAG = 'yibiao-reliability';
const RESIDENT_ID = '370102199003071510';
const BAD_CHECKSUM = '370102199003071511';
/** How long the counting signer takes, so that a second click lands while it signs. */
const SIGNING_MS = 80;

let model: FormModel;
let validate: CompiledValidateFunction;
let example: Record<string, unknown>;
let el: YibiaoFormElement;

function root(): ShadowRoot {
  ok(el.shadowRoot, 'rendered');
  return el.shadowRoot;
}

function control(id: string): HTMLInputElement {
  const node = root().getElementById(id);
  ok(node, `#${id} is rendered`);
  return node as HTMLInputElement;
}

async function type(id: string, text: string): Promise<void> {
  control(id).focus();
  await sendKeys({ type: text });
  await settle(el);
}

/** The values of every text-like control, by id: what "nothing lost" compares. */
function values(): Record<string, string> {
  return Object.fromEntries([...root().querySelectorAll<HTMLInputElement>('input:not([type=checkbox]):not([type=radio]):not([type=file]), select, textarea')].map((c) => [c.id, c.value]));
}

/**
 * Gives the element a counting signer and the example's data; returns the
 * signer's count and the token of each yibiao-submit.
 */
async function readyToSubmit(): Promise<{ counting: CountingSigner; tokens: string[] }> {
  const counting = countingSigner(createDeviceSigner(), { delayMs: SIGNING_MS });
  el.signer = counting.signer;
  const tokens: string[] = [];
  el.addEventListener('yibiao-submit', (e) => tokens.push((e as CustomEvent<{ token: string }>).detail.token));
  el.data = structuredClone(example);
  await settle(el);
  return { counting, tokens };
}

/** After any late click has had its time: one signature, one token. */
async function expectOneSignature(counting: CountingSigner, tokens: readonly string[]): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 200));
  equal(counting.count(), 1, 'one signature');
  equal(new Set(tokens).size, 1, 'one token');
}

before(async () => {
  ({ model, validate, example } = await loadShandong());
  defineForm({ tag: TAG, form: { model, validate } });
});

beforeEach(async () => {
  el = await mountForm(TAG);
});

afterEach(() => {
  el.remove();
});

describe('nothing lost on a failed submit', () => {
  it('an invalid submit keeps every character typed and fires no yibiao-submit', async () => {
    let submitted = 0;
    el.addEventListener('yibiao-submit', () => {
      submitted += 1;
    });
    el.data = { ...structuredClone(example), applicant: { ...(example.applicant as object), phone: undefined, name: undefined } };
    await settle(el);
    await type('yb-applicant-name', ' 李 明 ');
    await type('yb-applicant-phone', '138-1234-567');
    const before = values();
    (root().querySelector('[part="submit"]') as HTMLButtonElement).click();
    await waitFor(() => root().querySelector('[part="error-summary"]'), 'the error summary');
    await settle(el);
    deepEqual(values(), before, 'every control holds what was typed, un-normalised');
    equal(submitted, 0);
  });

  it('a failing signer: an alert says everything is kept, no event, data intact; the retry succeeds', async () => {
    let failing = true;
    const counting = countingSigner(createDeviceSigner(), { delayMs: SIGNING_MS, fail: () => failing });
    el.signer = counting.signer;
    const events: string[] = [];
    el.addEventListener('yibiao-submit', (e) => events.push((e as CustomEvent<{ token: string }>).detail.token));
    el.data = structuredClone(example);
    await settle(el);
    const before = values();
    let error: unknown;
    try {
      await el.submit();
    } catch (e) {
      error = e;
    }
    ok(error instanceof Error, 'submit() rejects with the signer\'s error');
    await settle(el);
    const alert = root().querySelector('[part="actions"] [role="alert"]');
    includes(alert?.textContent, '您填写的内容都已保留');
    deepEqual(values(), before, 'nothing lost');
    deepEqual(el.data, example, 'the data property is intact');
    equal(events.length, 0);
    failing = false;
    const result = await el.submit();
    equal(result.valid, true);
    equal(events.length, 1);
    equal(counting.count(), 2);
  });

  it('case 33: a delivery that fails (503/offline) keeps every field, and a retry sends the same token: one record', async () => {
    const tokens: string[] = [];
    el.addEventListener('yibiao-submit', (e) => tokens.push((e as CustomEvent<{ token: string }>).detail.token));
    el.data = structuredClone(example);
    await settle(el);
    const before = values();
    const first = await el.submit();
    ok(first.valid);
    // The host's POST answered 503: the person presses submit again on the same page.
    deepEqual(values(), before, 'all fields kept after signing');
    const again = await el.submit();
    ok(again.valid);
    equal(again.token, first.token, 'the same token (same nonce), not a second signature');
    const nonceStore = createMemoryNonceStore();
    const forms = { get: (id: string) => (id === model.id ? { model, validate } : undefined) };
    const verdicts = [];
    for (const token of tokens) verdicts.push(await verify(token, { forms, nonceStore }));
    equal(verdicts.filter((v) => v.ok).length, 1, 'the intake keeps one record');
    equal(verdicts.slice(1).every((v) => !v.ok && v.code === 'E_REPLAY'), true, 'the rest are replays of it');
  });
});

describe('case 32: one signature, one record', () => {
  it('a double click on submit signs once and fires one yibiao-submit', async () => {
    const { counting, tokens } = await readyToSubmit();
    const button = root().querySelector('[part="submit"]') as HTMLButtonElement;
    button.click();
    button.click();
    button.dispatchEvent(new MouseEvent('dblclick', { bubbles: true, composed: true }));
    await waitFor(() => tokens.length > 0 && counting.count() > 0, 'the submission');
    await expectOneSignature(counting, tokens);
  });

  it('Enter in a field, then a click on submit while signing, signs once', async () => {
    const { counting, tokens } = await readyToSubmit();
    control('yb-applicant-name').focus();
    await sendKeys({ press: 'Enter' });
    (root().querySelector('[part="submit"]') as HTMLButtonElement).click();
    await waitFor(() => tokens.length > 0, 'the submission');
    await expectOneSignature(counting, tokens);
  });
});

describe('case 34: a bad ID checksum', () => {
  it('shows the zh-CN checksum error on 身份证号码 and leaves the other fields intact', async () => {
    el.data = { ...structuredClone(example), applicant: { ...(example.applicant as object), idNumber: undefined } };
    await settle(el);
    const before = values();
    await type('yb-applicant-idNumber', BAD_CHECKSUM);
    control('yb-applicant-phone').focus();
    await settle(el);
    equal(root().getElementById('yb-applicant-idNumber-error')?.textContent?.replace(/\s+/g, ''), '错误：“身份证号码”校验码不正确，请核对');
    equal(control('yb-applicant-idNumber').getAttribute('aria-invalid'), 'true');
    const result = await el.submit();
    equal(result.valid, false);
    deepEqual(result.valid ? [] : result.errors.map((e) => [e.path, e.code]), [['/applicant/idNumber', 'E_ID_CHECKSUM']]);
    await settle(el);
    deepEqual({ ...values(), 'yb-applicant-idNumber': '' }, { ...before, 'yb-applicant-idNumber': '' }, 'the other fields are as they were');
    equal(control('yb-applicant-idNumber').value, BAD_CHECKSUM, 'the wrong number stays for the person to fix');
    control('yb-applicant-idNumber').select();
    await sendKeys({ type: RESIDENT_ID });
    await settle(el);
    equal(root().getElementById('yb-applicant-idNumber-error'), null, 'fixed live');
  });
});

describe('case 8: a 5 MB paste', () => {
  it('is cut to the field\'s maxlength and the page keeps answering within 1 s', async () => {
    const input = control('yb-applicant-name');
    const limit = Number(input.getAttribute('maxlength'));
    ok(limit > 0 && limit <= 100, `姓名 has a maxlength (${limit})`);
    input.focus();
    const started = performance.now();
    // insertText is the editing path a paste takes: it applies maxlength like a paste does.
    document.execCommand('insertText', false, '张'.repeat(5 * 1024 * 1024));
    await settle(el);
    const pasted = performance.now() - started;
    ok(pasted < 1_000, `the paste took ${Math.round(pasted)} ms`);
    ok(input.value.length <= limit, `kept ${input.value.length} characters`);
    const typed = performance.now();
    await sendKeys({ press: 'Backspace' });
    await settle(el);
    ok(performance.now() - typed < 1_000, 'the next key is handled at once');
  });
});
