/**
 * XSS in the widget (SECURITY.md §2 "XSS", §3 cases 1 and 4), in real
 * Chromium. Case 1: the real Shandong model (dist/forms/shandong/model.json)
 * with every text it carries — titles, descriptions and help (hints), enum
 * labels, services, sections, materials, help-panel metadata, both languages
 * (i18n) — replaced by the payloads of case 1, rendered by the element with
 * its real validator (dist/forms/shandong/validator.js) so that error
 * messages (which quote titles) show too. The rendered shadow DOM must be the
 * benign rendering with each text swapped for its payload, character for
 * character: `textContent` equals the input and no node is added.
 * Case 4: markup typed as 姓名 stays text in the fields, the errors, the
 * receipt and after a restore.
 */
import fc from 'fast-check';
import type { FormModel, LocalizedText } from '../../src/ir/types.js';
import type { CompiledForm } from '../../src/runtime/compiled-form.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { deepEqual, equal, ok } from '../e2e/assert.js';
import { ACTIVE_ELEMENTS, expectNothingRan, settle, snapshot } from './browser.js';
import { XSS_PAYLOADS } from './payloads.js';

let shandong: FormModel;
let validate: CompiledValidateFunction;
let example: Record<string, unknown>;
let tags = 0;

/** Replaces the i-th text of the model (in document order) by `text(i, lang)`. */
function rewrite(model: FormModel, text: (i: number, lang: 'zh-CN' | 'en') => string): { model: FormModel; count: number } {
  let i = 0;
  const isText = (v: unknown): v is LocalizedText =>
    v !== null && typeof v === 'object' && typeof (v as Record<string, unknown>)['zh-CN'] === 'string' && typeof (v as Record<string, unknown>).en === 'string';
  const walk = (v: unknown): unknown => {
    if (isText(v)) {
      const n = i;
      i += 1;
      return { 'zh-CN': text(n, 'zh-CN'), en: text(n, 'en') };
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, c]) => [k, walk(c)]));
    return v;
  };
  const out = walk(model) as FormModel;
  return { model: out, count: i };
}

const marker = (i: number, lang: 'zh-CN' | 'en') => `⟦${i}${lang === 'en' ? 'e' : 'z'}⟧`;

/**
 * Mounts an element bound to `model`, ticks every service and submits empty
 * data, so that every section and error shows; snapshots it in zh-CN, then
 * switches to English and snapshots again.
 */
async function render(model: FormModel): Promise<{ el: YibiaoFormElement; lines: Record<'zh-CN' | 'en', string[]> }> {
  tags += 1;
  const tag = `yibiao-xss-${tags}`;
  defineForm({ tag, form: { model, validate } satisfies CompiledForm });
  const el = document.createElement(tag) as YibiaoFormElement;
  el.setAttribute('no-draft', '');
  document.body.append(el);
  el.data = { services: model.services.map((s) => s.id) };
  const result = await el.submit();
  equal(result.valid, false, 'empty data is invalid, so errors and the summary show');
  await settle(el);
  ok(el.shadowRoot, 'rendered');
  ok(el.shadowRoot.querySelector('[part="error-summary"]'), 'the error summary shows');
  const zh = snapshot(el.shadowRoot);
  el.lang = 'en';
  await settle(el);
  return { el, lines: { 'zh-CN': zh, en: snapshot(el.shadowRoot) } };
}

/** The benign rendering with every marker replaced by the hostile text of its position. */
function expected(lines: readonly string[], hostile: (i: number, lang: 'zh-CN' | 'en') => string): string[] {
  return lines.map((line) =>
    line.replace(/⟦(\d+)([ez])⟧/g, (_m, n: string, l: string) => {
      const text = hostile(Number(n), l === 'e' ? 'en' : 'zh-CN');
      // Lines hold JSON-escaped strings; the replacement must be escaped the same way.
      return JSON.stringify(text).slice(1, -1);
    }),
  );
}

let baselines: Record<'zh-CN' | 'en', string[]> | undefined;

async function baseline(): Promise<Record<'zh-CN' | 'en', string[]>> {
  if (baselines !== undefined) return baselines;
  const { el, lines } = await render(rewrite(shandong, marker).model);
  el.remove();
  ok(lines['zh-CN'].some((l) => l.includes('⟦')) && lines.en.some((l) => l.includes('⟦')), 'the markers render');
  baselines = lines;
  return lines;
}

async function checkHostile(hostile: (i: number, lang: 'zh-CN' | 'en') => string): Promise<void> {
  const benign = await baseline();
  const { el, lines } = await render(rewrite(shandong, hostile).model);
  try {
    for (const lang of ['zh-CN', 'en'] as const) {
      deepEqual(lines[lang], expected(benign[lang], hostile), `the ${lang} rendering is the benign one with the payloads as text`);
    }
    equal(el.shadowRoot?.querySelectorAll(ACTIVE_ELEMENTS).length, 0, 'no active element');
    await expectNothingRan();
  } finally {
    el.remove();
  }
}

describe('case 1: every string a schema carries renders as text (real Shandong model)', () => {
  before(async () => {
    shandong = (await (await fetch('/dist/forms/shandong/model.json')).json()) as FormModel;
    validate = ((await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction }).validate;
    example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
  });

  it('finds many texts to poison in the model, and every rendered one is at a marker', async () => {
    const { count } = rewrite(shandong, marker);
    ok(count > 50, `the model carries ${count} texts`);
    const lines = await baseline();
    const rendered = new Set([...lines['zh-CN'].join('\n').matchAll(/⟦(\d+)z⟧/g)].map((m) => m[1]));
    ok(rendered.size > 30, `${rendered.size} texts are rendered`);
  });

  for (const payload of XSS_PAYLOADS) {
    it(`renders ${JSON.stringify(payload)} in every title, hint, label and message as text, in zh-CN and en`, async () => {
      await checkHostile((i, lang) => (lang === 'en' ? `${payload}·${i}` : payload));
    });
  }

  it('renders any mix of the payloads, one per text, as text (fc.constantFrom)', async () => {
    const { count } = rewrite(shandong, marker);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(...XSS_PAYLOADS), { minLength: count, maxLength: count }), async (chosen) => {
        await checkHostile((i, lang) => `${chosen[i] ?? ''}${lang === 'en' ? ' (en)' : ''}`);
      }),
      { numRuns: 4, seed: 20251123 },
    );
  });

  it('a label, a hint, an option and an error message have textContent equal to the payload', async () => {
    const payload = XSS_PAYLOADS[0] as string;
    const { el } = await render(rewrite(shandong, () => payload).model);
    try {
      el.lang = 'zh-CN';
      await settle(el);
      const root = el.shadowRoot as ShadowRoot;
      equal(root.querySelector('label[for="yb-applicant-name"]')?.textContent, payload, 'a field label');
      equal(root.querySelector('fieldset[data-section="applicant"] > legend')?.textContent, payload, 'a section legend');
      equal(root.querySelector('#yb-applicant-ethnicity option:nth-child(2)')?.textContent, payload, 'an enum label');
      ok([...root.querySelectorAll('[part="hint"]')].some((h) => h.textContent === payload), 'a hint (description, ui:help)');
      const messages = [...root.querySelectorAll('[part="error-message"]')].map((e) => e.textContent ?? '');
      ok(messages.some((m) => m.includes(payload)), 'an error message quotes the title as text');
      await expectNothingRan();
    } finally {
      el.remove();
    }
  });

  it('shows the form and service titles on the receipt as text after a valid submission', async () => {
    const payload = XSS_PAYLOADS[1] as string;
    tags += 1;
    const tag = `yibiao-xss-${tags}`;
    defineForm({ tag, form: { model: rewrite(shandong, () => payload).model, validate } });
    const el = document.createElement(tag) as YibiaoFormElement;
    el.setAttribute('no-draft', '');
    document.body.append(el);
    try {
      el.data = structuredClone(example);
      const result = await el.submit();
      equal(result.valid, true, `the example submits: ${JSON.stringify(result.valid ? '' : result.errors.map((e) => e.path))}`);
      await settle(el);
      const receipt = el.shadowRoot?.querySelector('[part="receipt"]');
      ok(receipt, 'the receipt shows');
      ok([...receipt.querySelectorAll('dd')].some((dd) => dd.textContent === payload), 'the form title is a text node');
      equal(receipt.querySelectorAll(ACTIVE_ELEMENTS).length, 0);
      await expectNothingRan();
    } finally {
      el.remove();
    }
  });
});

describe('case 4: <img onerror> typed as 姓名 stays text', () => {
  const NAME = '<img src=x onerror="window.__yibiaoXss=1">';
  let el: YibiaoFormElement;

  beforeEach(() => {
    tags += 1;
    const tag = `yibiao-xss-${tags}`;
    defineForm({ tag, form: { model: shandong, validate } });
    el = document.createElement(tag) as YibiaoFormElement;
    el.setAttribute('no-draft', '');
    document.body.append(el);
  });

  afterEach(() => {
    el.remove();
  });

  it('is literal in the field after the data is restored (data property), in both languages', async () => {
    el.data = { ...structuredClone(example), applicant: { ...(example.applicant as object), name: NAME } };
    await settle(el);
    const input = el.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement;
    equal(input.value, NAME);
    el.lang = 'en';
    await settle(el);
    equal((el.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement | null)?.value, NAME);
    equal(el.shadowRoot?.querySelectorAll(ACTIVE_ELEMENTS).length, 0);
    await expectNothingRan();
  });

  it('is never echoed in the error messages or the summary, which stay free of markup', async () => {
    el.data = { services: ['pensionRegistration'], applicant: { name: NAME, idNumber: NAME, phone: NAME } };
    const result = await el.submit();
    equal(result.valid, false);
    await settle(el);
    const root = el.shadowRoot as ShadowRoot;
    const shown = [...root.querySelectorAll('[part="error-message"], [part="error-summary"]')].map((e) => e.textContent ?? '').join('\n');
    ok(shown.length > 0, 'errors show');
    ok(!shown.includes('<img'), 'no message echoes the value');
    for (const issue of result.valid ? [] : result.errors) ok(!issue.message['zh-CN'].includes('<img') && !issue.message.en.includes('<img'), issue.path);
    equal(root.querySelectorAll(ACTIVE_ELEMENTS).length, 0);
    await expectNothingRan();
  });

  it('is signed literally, and the receipt that follows holds no markup', async () => {
    el.data = { ...structuredClone(example), applicant: { ...(example.applicant as object), name: NAME }, declaration: { ...(example.declaration as object), signature: NAME } };
    const result = await el.submit();
    ok(result.valid, `姓名 takes any text: ${JSON.stringify(result.valid ? '' : result.errors.map((e) => e.path))}`);
    equal((result.payload.data.applicant as Record<string, unknown>).name, NAME, 'the signed 姓名 is the literal text');
    await settle(el);
    ok(el.shadowRoot?.querySelector('[part="receipt"]'), 'the receipt shows');
    equal(el.shadowRoot?.querySelectorAll(ACTIVE_ELEMENTS).length, 0);
    await expectNothingRan();
  });
});
