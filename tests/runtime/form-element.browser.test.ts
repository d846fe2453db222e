import { sendKeys } from '@web/test-runner-commands';
import { defineForm } from '../../src/runtime/define-form.js';
import type { SubmitResult, YibiaoFormElement } from '../../src/runtime/form-element.js';
import { createDeviceSigner } from '../../src/submission/index.js';
import { deepEqual, equal, includes, ok, waitFor } from '../e2e/assert.js';
import { countingSigner } from '../helpers/counting-signer.js';
import { demoForm } from './fixtures/demo-form.js';

const TAG = 'yibiao-demo';
defineForm({ tag: TAG, form: demoForm });

let el: YibiaoFormElement;

/** Mounts the demo element; without drafts unless asked, so that one test's draft never fills the next. */
async function mount(attributes: Readonly<Record<string, string>> = { 'no-draft': '' }): Promise<YibiaoFormElement> {
  const node = document.createElement(TAG) as YibiaoFormElement;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  document.body.append(node);
  await node.updateComplete;
  return node;
}

function root(): ShadowRoot {
  const shadow = el.shadowRoot;
  ok(shadow, 'the element has an open shadow root');
  return shadow;
}

function $(selector: string): HTMLElement | null {
  return root().querySelector<HTMLElement>(selector);
}

function control(id: string): HTMLInputElement {
  const node = root().getElementById(id);
  ok(node, `control #${id} is rendered`);
  return node as HTMLInputElement;
}

async function settle(): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await el.updateComplete;
}

/** Types like a person: focuses the control, then real key events. */
async function typeInto(id: string, text: string): Promise<void> {
  control(id).focus();
  await sendKeys({ type: text });
  await settle();
}

async function press(key: string): Promise<void> {
  await sendKeys({ press: key });
  await settle();
}

async function tick(id: string): Promise<void> {
  control(id).click();
  await settle();
}

function sectionKeys(): string[] {
  return [...root().querySelectorAll<HTMLElement>('fieldset[data-section]')].map((s) => s.dataset.section ?? '');
}

function errorOf(id: string): string | undefined {
  return root().getElementById(`${id}-error`)?.textContent?.trim();
}

/** Fills everything the demo form requires except the services' sections. */
async function fillApplicant(): Promise<void> {
  await typeInto('yb-applicant-name', '张三');
  await typeInto('yb-applicant-idNumber', '11010519491231002X');
  await tick('yb-applicant-sex-1');
  await tick('yb-declaration-agreed');
}

describe('<yibiao-demo> (YibiaoFormElement)', () => {
  beforeEach(async () => {
    el = await mount();
  });
  afterEach(() => {
    el.remove();
  });

  it('renders the services group and the always-present sections in model order', () => {
    equal($('fieldset.section--services legend')?.textContent?.trim().replace('*', ''), '申请联办事项');
    deepEqual(sectionKeys(), ['applicant', 'declaration']);
    equal(control('yb-services').labels?.[0]?.textContent, '社会保障卡申领');
    equal($('[part="submit"]')?.textContent?.trim(), '提交');
    ok($('[part="actions"] [part="submit"]'), 'submit button sits in the actions part');
  });

  it('gives every control a label for it, named exactly by the field title', () => {
    for (const node of root().querySelectorAll<HTMLInputElement>('input, select, textarea')) {
      ok((node.labels?.length ?? 0) > 0, `#${node.id} has a <label for>`);
    }
    equal(control('yb-applicant-name').labels?.[0]?.textContent, '姓名');
    equal(control('yb-applicant-idNumber').labels?.[0]?.textContent, '身份证号码');
    equal(control('yb-declaration-agreed').labels?.[0]?.textContent, '本人承诺以上填写内容均属实');
    equal(control('yb-applicant-name').getAttribute('aria-required'), 'true');
    equal(control('yb-applicant-ethnicity').getAttribute('aria-required'), null);
    ok($('[data-path="/applicant/name"] .required-marker'), 'required fields show a *');
    includes(control('yb-applicant-name').getAttribute('aria-describedby'), 'yb-applicant-name-hint');
    equal(root().getElementById('yb-applicant-name-hint')?.textContent, '与身份证一致');
  });

  it('shows a service section while its service is ticked and hides it when unticked', async () => {
    await tick('yb-services');
    deepEqual(sectionKeys(), ['applicant', 'card', 'declaration']);
    equal($('fieldset[data-section="card"] legend')?.textContent, '社会保障卡申领');
    await tick('yb-services');
    deepEqual(sectionKeys(), ['applicant', 'declaration']);
  });

  it('keeps typed text of an unticked section in memory and restores it on re-tick', async () => {
    await tick('yb-services');
    await typeInto('yb-card-bank', '工商银行');
    await tick('yb-services');
    equal(root().getElementById('yb-card-bank'), null, 'the field is gone while unticked');
    equal((el.data.card as Record<string, unknown>).bank, '工商银行');
    await tick('yb-services');
    equal(control('yb-card-bank').value, '工商银行');
  });

  it('never submits an unticked section or a hidden field', async () => {
    await fillApplicant();
    await tick('yb-services');
    await typeInto('yb-card-bank', '工商银行');
    await tick('yb-services');
    await tick('yb-services-1');
    await typeInto('yb-fund-rate', '8');
    await tick('yb-fund-paymentMethod-1');
    await typeInto('yb-fund-withholdingBank', '农业银行');
    await tick('yb-fund-paymentMethod');
    equal(root().getElementById('yb-fund-withholdingBank'), null, 'visibleWhen hides the field');
    const result = await el.submit();
    ok(result.valid, `valid submission, got ${JSON.stringify(result)}`);
    deepEqual(result.payload.services, ['fund']);
    deepEqual(Object.keys(result.payload.data), ['services', 'applicant', 'fund', 'declaration']);
    deepEqual(result.payload.data.fund, { rate: 8, paymentMethod: 'selfPay' });
    equal(result.token.split('.').length, 3);
    equal((el.data.card as Record<string, unknown>).bank, '工商银行', 'memory keeps it');
  });

  it('switches language live and keeps the data', async () => {
    await typeInto('yb-applicant-name', '李四');
    await tick('yb-services');
    el.lang = 'en';
    await settle();
    equal(control('yb-applicant-name').labels?.[0]?.textContent, 'Full name');
    equal(control('yb-applicant-name').value, '李四');
    equal($('fieldset[data-section="card"] legend')?.textContent, 'Social security card');
    equal($('[part="submit"]')?.textContent?.trim(), 'Submit');
    await el.submit();
    await settle();
    includes(errorOf('yb-applicant-idNumber'), 'Error:');
    includes(errorOf('yb-applicant-idNumber'), 'Enter ID number');
    el.setAttribute('lang', 'zh-CN');
    await settle();
    includes(errorOf('yb-applicant-idNumber'), '错误：');
    includes(errorOf('yb-applicant-idNumber'), '请填写“身份证号码”');
    equal(control('yb-applicant-name').value, '李四');
  });

  it('shows no error before a field is left, then validates on blur and live on input', async () => {
    await typeInto('yb-applicant-idNumber', '110105');
    equal(errorOf('yb-applicant-idNumber'), undefined, 'no error while typing the first time');
    await press('Tab');
    includes(errorOf('yb-applicant-idNumber'), '不是有效的18位居民身份证号码');
    const input = control('yb-applicant-idNumber');
    equal(input.getAttribute('aria-invalid'), 'true');
    includes(input.getAttribute('aria-describedby'), 'yb-applicant-idNumber-error');
    const message = root().getElementById('yb-applicant-idNumber-error');
    equal(message?.getAttribute('part'), 'error-message');
    equal(message?.querySelector('.visually-hidden')?.textContent, '错误：');
    equal(errorOf('yb-applicant-name'), undefined, 'untouched fields stay quiet');
    input.focus();
    await press('End');
    await sendKeys({ type: '1949123100' });
    await settle();
    ok(errorOf('yb-applicant-idNumber'), 'still wrong: 16 characters');
    await sendKeys({ type: '2X' });
    await settle();
    equal(errorOf('yb-applicant-idNumber'), undefined, 'fixed live on input');
    equal(input.getAttribute('aria-invalid'), null);
  });

  it('normalises a field when it is left', async () => {
    await typeInto('yb-applicant-idNumber', '110105 19491231 002x');
    await press('Tab');
    equal(control('yb-applicant-idNumber').value, '11010519491231002X');
    await typeInto('yb-applicant-name', '  张三 ');
    await press('Tab');
    equal(control('yb-applicant-name').value, '张三');
  });

  it('on an invalid submit shows a focused error summary whose links focus the fields', async () => {
    let invalidEvents = 0;
    el.addEventListener('yibiao-invalid', (e) => {
      invalidEvents += 1;
      ok(e.detail.errors.length > 0);
    });
    await typeInto('yb-applicant-name', '王五');
    // A wrong check character: the demo validator takes it, the ID assistance does not fill 性别 from it.
    await typeInto('yb-applicant-idNumber', '110105 19491231 0021');
    await press('Enter');
    await waitFor(() => $('[part="error-summary"]'), 'the error summary');
    await settle();
    const summary = $('[part="error-summary"]');
    ok(summary);
    equal(root().activeElement, summary, 'the summary takes focus');
    equal(summary.getAttribute('tabindex'), '-1');
    ok(summary.querySelector(':scope > [role="alert"]'), 'role=alert sits on an inner container');
    const links = [...summary.querySelectorAll('a')].map((a) => [a.getAttribute('data-target'), a.textContent?.trim()]);
    deepEqual(links, [
      ['yb-services', '请至少选择一项“申请联办事项”'],
      ['yb-applicant-sex', '请选择“性别”'],
      ['yb-declaration-agreed', '请填写“本人承诺以上填写内容均属实”'],
    ]);
    equal(invalidEvents, 1);
    equal(control('yb-applicant-idNumber').value, '110105 19491231 0021', 'no typed character touched');
    equal(control('yb-applicant-name').value, '王五');
    equal((el.data.applicant as Record<string, unknown>).idNumber, '110105 19491231 0021');
    equal(control('yb-applicant-sex').getAttribute('aria-invalid'), 'true');
    includes($('[data-path="/applicant/sex"] fieldset')?.getAttribute('aria-describedby'), 'yb-applicant-sex-error');
    (summary.querySelectorAll('a')[1] as HTMLAnchorElement).click();
    await settle();
    equal(root().activeElement?.id, 'yb-applicant-sex', 'a click focuses the field');
    (summary.querySelectorAll('a')[2] as HTMLAnchorElement).focus();
    await press('Enter');
    equal(root().activeElement?.id, 'yb-declaration-agreed', 'Enter on a link focuses the field');
    equal(location.hash, '', 'the host page URL is not changed');
    includes(errorOf('yb-services'), '请至少选择一项');
  });

  it('shows warnings without blocking the submission', async () => {
    await fillApplicant();
    await tick('yb-services');
    await typeInto('yb-card-bank', '测试银行');
    await press('Tab');
    includes(root().getElementById('yb-card-bank-warning')?.textContent, '可能有误');
    const result: SubmitResult = await el.submit();
    ok(result.valid, 'a warning does not block');
    equal(result.warnings.length, 1);
  });

  it('writes JSON integers, year-months and the permanent value', async () => {
    await fillApplicant();
    await tick('yb-services');
    await tick('yb-services-1');
    await typeInto('yb-card-bank', '建设银行');
    await tick('yb-card-validTo-permanent');
    equal(control('yb-card-validTo').disabled, true);
    await typeInto('yb-fund-rate', '12');
    await tick('yb-fund-paymentMethod');
    control('yb-applicant-enrolmentMonth').value = '2026-03';
    control('yb-applicant-enrolmentMonth').dispatchEvent(new Event('input', { bubbles: true }));
    const select = root().getElementById('yb-applicant-ethnicity') as HTMLSelectElement;
    select.value = '03';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const result = await el.submit();
    ok(result.valid, JSON.stringify(result));
    const data = result.payload.data as Record<string, Record<string, unknown>>;
    equal(data.fund?.rate, 12);
    ok(Number.isInteger(data.fund?.rate));
    equal(data.card?.validTo, '长期');
    equal(data.applicant?.enrolmentMonth, '2026-03');
    equal(data.applicant?.ethnicity, '03');
    equal(data.applicant?.idNumber, '11010519491231002X');
  });

  it('signs exactly once when submit is activated twice while in flight', async () => {
    const counting = countingSigner(createDeviceSigner(), { delayMs: 50 });
    el.signer = counting.signer;
    await fillApplicant();
    await tick('yb-services');
    await typeInto('yb-card-bank', '工商银行');
    let submitted = 0;
    el.addEventListener('yibiao-submit', () => {
      submitted += 1;
    });
    const button = $('[part="submit"]') as HTMLButtonElement;
    button.click();
    button.click();
    const [a, b] = await Promise.all([el.submit(), el.submit()]);
    equal(counting.count(), 1, 'one signature');
    equal(submitted, 1, 'one yibiao-submit event');
    ok(a.valid && b.valid);
    equal(a.token, b.token);
  });

  it('fires yibiao-change and yibiao-submit across the shadow boundary', async () => {
    const changes: string[] = [];
    document.body.addEventListener('yibiao-change', (e) => changes.push(e.detail.path));
    let token = '';
    document.body.addEventListener('yibiao-submit', (e) => {
      token = e.detail.token;
    });
    await fillApplicant();
    await tick('yb-services');
    await typeInto('yb-card-bank', '工商');
    ok(changes.includes('/applicant/name'));
    ok(changes.includes('/services'));
    await el.submit();
    equal(token.split('.').length, 3);
  });

  it('data is a deep copy both ways, and reset() clears everything', async () => {
    el.data = { services: ['card'], card: { bank: '交通银行' }, applicant: { name: '赵六' } };
    await settle();
    equal(control('yb-card-bank').value, '交通银行');
    const copy = el.data as { applicant: { name: string } };
    copy.applicant.name = 'changed';
    equal(control('yb-applicant-name').value, '赵六');
    equal((el.data.applicant as Record<string, unknown>).name, '赵六');
    el.data = JSON.parse('{"__proto__":{"polluted":true},"applicant":{"name":"x"}}');
    equal(({} as Record<string, unknown>).polluted, undefined);
    el.reset();
    await settle();
    deepEqual(el.data, {});
    equal(control('yb-applicant-name').value, '');
  });

  it('readonly hides the submit button and ignores changes', async () => {
    el.data = { applicant: { name: '钱七' } };
    el.readonly = true;
    await settle();
    equal($('[part="submit"]'), null);
    equal(control('yb-applicant-name').readOnly, true);
    equal(control('yb-services').disabled, true);
  });

  it('uses adopted stylesheets only: no style attributes or style elements', async () => {
    await tick('yb-services');
    await el.submit();
    await settle();
    equal(root().querySelectorAll('[style]').length, 0);
    equal(root().querySelectorAll('style').length, 0);
    ok(root().adoptedStyleSheets.length > 0);
  });

  it('warns with W_TAG_TAKEN instead of throwing when the tag is taken', () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const existing = defineForm({ tag: TAG, form: demoForm });
      equal(existing, customElements.get(TAG));
    } finally {
      console.warn = original;
    }
    equal(warnings.length, 1);
    includes(warnings[0], 'W_TAG_TAKEN');
    equal(customElements.get(TAG)?.name, 'YibiaoDemoForm');
  });
});
