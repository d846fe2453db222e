/**
 * A built widget's model carries zh-CN only; its English texts are a lazy
 * part. An English page waits for them before its first render (no flash of
 * Chinese); a page switched to English shows zh-CN until they arrive, data
 * kept; an English page whose part cannot be fetched renders in zh-CN
 * rather than not at all; messages name fields in English once they are in.
 */
import { splitEnglish } from '../../src/compile/english-part.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import { withLazyEnglish } from '../../src/runtime/lazy/english.js';
import { equal, includes, ok, waitFor } from '../e2e/assert.js';
import { demoForm } from './fixtures/demo-form.js';

type English = readonly (string | null)[];

/** A form with its own zh-CN-only copy of the demo model and an English part the test lets through. */
function lazyEnglishForm(tag: string): { open: () => void; fail: () => void } {
  const split = splitEnglish(demoForm.model);
  let settle: { resolve: (english: English) => void; reject: (error: Error) => void } | undefined;
  const arrived = new Promise<English>((resolve, reject) => {
    settle = { resolve, reject };
  });
  defineForm({ tag, form: withLazyEnglish({ model: split.model, validate: demoForm.validate }, () => arrived) });
  return {
    open: () => settle?.resolve(split.english),
    fail: () => settle?.reject(new TypeError('Failed to fetch dynamically imported module')),
  };
}

const englishPage = lazyEnglishForm('yibiao-en-page');
const switched = lazyEnglishForm('yibiao-en-switch');
const offline = lazyEnglishForm('yibiao-en-offline');

let el: YibiaoFormElement;
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
const label = (id: string) => (el.shadowRoot?.getElementById(id) as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim();

function mount(tag: string, lang: string): void {
  el = document.createElement(tag) as YibiaoFormElement;
  el.setAttribute('no-draft', '');
  el.setAttribute('lang', lang);
  document.body.append(el);
}

describe("the model's English texts, a lazy part", () => {
  afterEach(() => {
    el.remove();
  });

  it('an English page renders nothing until they arrive, then renders in English', async () => {
    mount('yibiao-en-page', 'en');
    await frame();
    await frame();
    equal(el.shadowRoot?.getElementById('yb-applicant-name') ?? null, null, 'no Chinese first render');
    englishPage.open();
    await el.updateComplete;
    equal(label('yb-applicant-name'), 'Full name');
    const verdict = el.validate();
    ok(verdict.errors.some((e) => e.message.en.includes('Full name')), 'messages name fields in English');
  });

  it('a page switched to English keeps zh-CN and the data until they arrive, then switches', async () => {
    mount('yibiao-en-switch', 'zh-CN');
    await el.updateComplete;
    el.data = { applicant: { name: '李四' } };
    el.validate();
    el.lang = 'en';
    await frame();
    equal(label('yb-applicant-name'), '姓名', 'zh-CN while the English texts load');
    switched.open();
    await waitFor(() => label('yb-applicant-name') === 'Full name', 'the English labels');
    equal((el.shadowRoot?.getElementById('yb-applicant-name') as HTMLInputElement | null)?.value, '李四');
    includes(el.shadowRoot?.getElementById('yb-applicant-idNumber-error')?.textContent, 'ID number', 'the verdict shown was formatted again');
  });

  it('an English page whose English part cannot be fetched renders in zh-CN, not blank', async () => {
    mount('yibiao-en-offline', 'en');
    offline.fail();
    await el.updateComplete;
    equal(label('yb-applicant-name'), '姓名');
  });
});
