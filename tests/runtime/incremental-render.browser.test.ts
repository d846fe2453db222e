/**
 * What a key costs: it re-renders the section typed in, not the whole form,
 * and a change nobody sees yet is validated when the browser is idle — with
 * the same verdict, cross-field rules included.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { FormModel, LocalizedText } from '../../src/ir/types.js';
import type { CompiledForm } from '../../src/runtime/compiled-form.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { CompiledValidateFunction, RawValidationError } from '../../src/runtime/validation-types.js';
import { equal, includes, ok } from '../e2e/assert.js';
import { demoForm } from './fixtures/demo-form.js';
import { FormHarness } from './harness.js';

const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** Two sections; `/pair/why` is required while `/pair/mode` is `other` (a cross-field rule). */
const pairModel = {
  ...demoForm.model,
  id: 'pair',
  sections: [
    {
      key: 'pair',
      title: t('说明', 'Details'),
      fields: [
        { path: '/pair/mode', key: 'mode', kind: 'text', title: t('方式', 'Mode'), required: false },
        { path: '/pair/why', key: 'why', kind: 'text', title: t('原因', 'Reason'), required: false },
      ],
    },
    {
      key: 'other',
      title: t('其他', 'Other'),
      fields: [{ path: '/other/note', key: 'note', kind: 'text', title: t('备注', 'Note'), required: false }],
    },
  ],
  services: [],
  rules: [],
} as unknown as FormModel;

let validations = 0;
const pairValidate: CompiledValidateFunction = (data: unknown): boolean => {
  validations += 1;
  const pair = (data as { pair?: { mode?: unknown; why?: unknown } }).pair ?? {};
  const errors: RawValidationError[] =
    pair.mode === 'other' && pair.why === undefined ? [{ instancePath: '/pair', schemaPath: '#/if/then/required', keyword: 'required', params: { missingProperty: 'why' } }] : [];
  pairValidate.errors = errors.length === 0 ? null : errors;
  return errors.length === 0;
};
const pairForm: CompiledForm = { model: pairModel, validate: pairValidate };

/** 8 sections of 50 text fields: more than a first render does at once. */
const largeModel = {
  ...pairModel,
  id: 'large',
  sections: Array.from({ length: 8 }, (_, s) => ({
    key: `s${s}`,
    title: t(`第${s}部分`, `Part ${s}`),
    fields: Array.from({ length: 50 }, (_, f) => ({ path: `/s${s}/f${f}`, key: `f${f}`, kind: 'text', title: t(`字段${f}`, `Field ${f}`), required: false })),
  })),
} as unknown as FormModel;
const accept: CompiledValidateFunction = () => true;

defineForm({ tag: 'yibiao-incr-demo', form: demoForm });
defineForm({ tag: 'yibiao-incr-large', form: { model: largeModel, validate: accept } });
defineForm({ tag: 'yibiao-incr-pair', form: pairForm });

const idle = (): Promise<void> => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));

/** The `data-section` of every section whose subtree a mutation touched. */
function touchedSections(records: readonly MutationRecord[]): Set<string> {
  const out = new Set<string>();
  for (const record of records) {
    const node = record.target instanceof Element ? record.target : record.target.parentElement;
    const section = node?.closest<HTMLElement>('fieldset[data-section]')?.dataset.section;
    if (section !== undefined) out.add(section);
  }
  return out;
}

async function mutationsWhile(h: FormHarness, act: () => Promise<void>): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((list) => records.push(...list));
  observer.observe(h.root, { subtree: true, childList: true, attributes: true, characterData: true });
  await act();
  await h.settle();
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

describe('incremental rendering and validation', () => {
  let h: FormHarness;
  afterEach(() => h?.el.remove());

  // A re-rendered text input gets its value from the data again (lit's `live`); one that is
  // not re-rendered keeps a value set behind the element's back. That tells which sections a key renders.
  it('re-renders only the section typed in, and changes no other section', async () => {
    h = await FormHarness.mount('yibiao-incr-demo', { 'no-draft': '' });
    h.el.data = { services: ['card', 'fund'] };
    await h.settle();
    await h.type('yb-applicant-idNumber', '1101');
    await h.press('Tab');
    ok(h.root.getElementById('yb-applicant-idNumber-error'), 'the field shows its error once left');
    h.control('yb-card-bank').value = 'not in the data';
    h.control('yb-applicant-idNumber').focus();
    const records = await mutationsWhile(h, async () => {
      await sendKeys({ type: '0519491231002X' });
    });
    equal(h.root.getElementById('yb-applicant-idNumber-error'), null, 'fixed live on input');
    equal([...touchedSections(records)].join(','), 'applicant', 'only the edited section changed in the DOM');
    equal(h.control('yb-card-bank').value, 'not in the data', 'the card section was not rendered again');
  });

  it('re-renders every section when the language changes', async () => {
    h = await FormHarness.mount('yibiao-incr-demo', { 'no-draft': '' });
    h.el.data = { services: ['card', 'fund'] };
    await h.settle();
    h.control('yb-card-bank').value = 'not in the data';
    const records = await mutationsWhile(h, async () => {
      h.el.lang = 'en';
    });
    equal([...touchedSections(records)].sort().join(','), 'applicant,card,declaration,fund');
    equal(h.control('yb-card-bank').value, '', 'the card section was rendered again from the data');
  });

  it('validates a change nobody sees yet when idle, and then shows a cross-field error at a field already left', async () => {
    h = await FormHarness.mount('yibiao-incr-pair', { 'no-draft': '' });
    await h.type('yb-pair-why', 'x');
    await h.press('Backspace');
    await h.press('Tab');
    equal(h.root.getElementById('yb-pair-why-error'), null, 'nothing required yet');
    const input = h.control('yb-pair-mode');
    input.focus();
    const before = validations;
    input.value = 'other';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    equal(validations, before, 'no whole-form pass on the input event of a field not yet left');
    await idle();
    await h.settle();
    ok(validations > before, 'validated when idle');
    includes(h.root.getElementById('yb-pair-why-error')?.textContent ?? '', '原因', 'the rule across fields is shown');
  });

  it('shows no cross-field error when the idle pass finds none', async () => {
    h = await FormHarness.mount('yibiao-incr-pair', { 'no-draft': '' });
    await h.type('yb-pair-why', 'x');
    await h.press('Backspace');
    await h.press('Tab');
    await h.type('yb-pair-mode', 'same');
    await idle();
    await h.settle();
    equal(h.root.getElementById('yb-pair-why-error'), null);
  });

  it("renders a large form's first sections at once and the rest in later tasks, all by updateComplete", async () => {
    const node = document.createElement('yibiao-incr-large');
    document.body.append(node);
    h = new FormHarness(node as FormHarness['el']);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    const first = h.$$('fieldset[data-section]').length;
    ok(first >= 1 && first < 8, `the first render has some sections, not all (${first})`);
    ok(h.root.getElementById('yb-s0-f0'), 'the first field takes input at once');
    await h.el.updateComplete;
    equal(h.$$('fieldset[data-section]').length, 8);
    equal(h.$$('input').length, 400);
  });

  it("renders a small form's sections all in its first render", async () => {
    const node = document.createElement('yibiao-incr-pair');
    document.body.append(node);
    h = new FormHarness(node as FormHarness['el']);
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    equal(h.$$('fieldset[data-section]').length, 2);
  });

  it('validates on every key once the field has been left', async () => {
    h = await FormHarness.mount('yibiao-incr-pair', { 'no-draft': '' });
    await h.type('yb-pair-mode', 'othe');
    await h.press('Tab');
    const input = h.control('yb-pair-mode');
    input.focus();
    const before = validations;
    input.value = 'other';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    equal(validations, before + 1, 'one whole-form pass on the input event');
  });
});
