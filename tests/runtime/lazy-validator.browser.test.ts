/**
 * A built widget's validator is a lazy part, fetched while the form first
 * renders: the form takes typing before it arrives, shows nothing wrong on
 * the strength of rules it does not have, and a submit without them (the
 * part could not be fetched) is refused with E_RULES_LOADING, every typed
 * character kept and nothing signed.
 */
import { sendKeys } from '@web/test-runner-commands';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import { withLazyValidator } from '../../src/runtime/lazy/validator.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { createDeviceSigner } from '../../src/submission/index.js';
import { equal, includes, ok, waitFor } from '../e2e/assert.js';
import { countingSigner } from '../helpers/counting-signer.js';
import { demoForm } from './fixtures/demo-form.js';

/** A validator import the test lets through when it wants. */
function gate(): { load: () => Promise<CompiledValidateFunction>; open: () => void; offline: boolean } {
  let release: () => void = () => undefined;
  const arrived = new Promise<void>((resolve) => {
    release = resolve;
  });
  const state = {
    offline: false,
    open: () => release(),
    load: async (): Promise<CompiledValidateFunction> => {
      if (state.offline) throw new TypeError('Failed to fetch dynamically imported module');
      await arrived;
      return demoForm.validate;
    },
  };
  return state;
}

const slow = gate();
defineForm({ tag: 'yibiao-lazy-slow', form: withLazyValidator({ model: demoForm.model }, slow.load) });
const unreachable = gate();
unreachable.offline = true;
unreachable.open();
defineForm({ tag: 'yibiao-lazy-offline', form: withLazyValidator({ model: demoForm.model }, unreachable.load) });

let el: YibiaoFormElement;

/** Appends the element and waits for its first render only (its updateComplete also waits for the rules). */
async function mount(tag: string): Promise<ShadowRoot> {
  el = document.createElement(tag) as YibiaoFormElement;
  el.setAttribute('no-draft', '');
  document.body.append(el);
  return waitFor(() => (el.shadowRoot?.getElementById('yb-applicant-idNumber') ? el.shadowRoot : undefined), 'the first render');
}

const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

describe('the lazily loaded validator', () => {
  afterEach(() => {
    el.remove();
  });

  it('takes typing before the rules arrive, claims nothing on a blur, and validates the field left once they do', async () => {
    const root = await mount('yibiao-lazy-slow');
    const input = root.getElementById('yb-applicant-idNumber') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '110105' });
    await sendKeys({ press: 'Tab' });
    await frame();
    equal(input.value, '110105', 'typed before the rules arrived');
    equal(root.getElementById('yb-applicant-idNumber-error'), null, 'no verdict on a field without its rules');
    equal(el.validate().errors.map((e) => e.code).join(), 'E_RULES_LOADING', 'validate() says the rules are not in yet');
    slow.open();
    await el.updateComplete;
    await frame();
    includes(root.getElementById('yb-applicant-idNumber-error')?.textContent, '不是有效的18位居民身份证号码');
  });

  it('refuses a submit without its rules (E_RULES_LOADING in the summary), keeps every character and signs nothing', async () => {
    const root = await mount('yibiao-lazy-offline');
    const counting = countingSigner(createDeviceSigner(), { delayMs: 0 });
    el.signer = counting.signer;
    const input = root.getElementById('yb-applicant-name') as HTMLInputElement;
    input.focus();
    await sendKeys({ type: '张三' });
    const result = await el.submit();
    equal(result.valid, false);
    equal(result.valid ? '' : result.errors.map((e) => e.code).join(), 'E_RULES_LOADING');
    await el.updateComplete;
    const summary = await waitFor(() => root.querySelector('[part="error-summary"]'), 'the error summary');
    includes(summary.textContent, '表单的校验规则尚未加载完成');
    equal(input.value, '张三');
    equal(counting.count(), 0, 'nothing signed');
    // Back online: the next submit loads the rules and judges the data by them.
    unreachable.offline = false;
    const second = await el.submit();
    ok(!second.valid && !second.errors.some((e) => e.code === 'E_RULES_LOADING'), 'judged by the rules this time');
    ok(!second.valid && second.errors.some((e) => e.path === '/applicant/idNumber'), 'the missing ID number is named');
  });
});
