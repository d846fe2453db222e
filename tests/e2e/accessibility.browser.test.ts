/**
 * Accessibility and behaviour of every built form, in the test page itself
 * (axe-core needs the same document): axe with 0 violations in zh-CN and en,
 * with errors shown and without; every control named by its visible label;
 * each service's sections appearing and going as it is ticked, typed data
 * kept in memory but out of the payload; and Shandong filled and submitted
 * with the keyboard alone. Needs `npm run build` first.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { FormModel } from '../../src/ir/types.js';
import { deepEqual, equal, ok } from './assert.js';

interface BuiltForm {
  readonly id: string;
  readonly model: FormModel;
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown; failureSummary?: string }[] }[];
}
interface Axe {
  run(context: Element, options: Record<string, unknown>): Promise<AxeResult>;
}

type FormElement = HTMLElement & {
  data: Record<string, unknown>;
  updateComplete: Promise<boolean>;
  validate(): { valid: boolean };
  submit(): Promise<{ valid: boolean; payload?: { data: Record<string, unknown> } }>;
};

const forms = (await executeServerCommand<BuiltForm[], undefined>('yibiao-forms')) ?? [];
for (const form of forms) await import(/* @vite-ignore */ `/widget/dist/${form.id}.js`);

async function loadAxe(): Promise<Axe> {
  const w = window as unknown as { axe?: Axe };
  if (w.axe === undefined) {
    await new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = '/node_modules/axe-core/axe.min.js';
      script.onload = () => resolve();
      script.onerror = () => reject(new Error('axe-core did not load'));
      document.head.append(script);
    });
  }
  ok(w.axe, 'axe-core defines window.axe');
  return w.axe;
}

const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  // Page-level rules judge the host page, not the widget; the name-vs-label rule is off by default.
  rules: { region: { enabled: false }, 'landmark-one-main': { enabled: false }, 'page-has-heading-one': { enabled: false }, 'label-content-name-mismatch': { enabled: true } },
  resultTypes: ['violations'],
  iframes: false,
  selectors: false,
};

async function mount(id: string, attributes: Record<string, string> = {}): Promise<FormElement> {
  const el = document.createElement(`yibiao-${id}`) as FormElement;
  el.setAttribute('no-draft', '');
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

async function settle(el: FormElement): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  await el.updateComplete;
}

function describeViolations(result: AxeResult): string {
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n  ')}`).join('\n');
}

function controls(el: FormElement): HTMLElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLElement>('input, select, textarea, button, summary') ?? [])];
}

describe('accessibility of every built form', () => {
  let axe: Axe;
  before(async () => {
    axe = await loadAxe();
  });

  for (const form of forms) {
    it(`${form.id}: axe finds 0 violations in zh-CN and en, with errors shown and without`, async () => {
      const el = await mount(form.id);
      try {
        // Every service ticked: every section, material and help line on screen.
        el.data = { services: form.model.services.map((s) => s.id) };
        await settle(el);
        for (const lang of ['zh-CN', 'en']) {
          el.setAttribute('lang', lang);
          await settle(el);
          const quiet = await axe.run(el, AXE_OPTIONS);
          equal(quiet.violations.length, 0, `${form.id} ${lang} without errors:\n${describeViolations(quiet)}`);
        }
        el.setAttribute('lang', 'zh-CN');
        await el.submit();
        await settle(el);
        ok(el.shadowRoot?.querySelector('[part="error-summary"]'), 'the error summary is shown');
        for (const lang of ['zh-CN', 'en']) {
          el.setAttribute('lang', lang);
          await settle(el);
          const loud = await axe.run(el, AXE_OPTIONS);
          equal(loud.violations.length, 0, `${form.id} ${lang} with errors:\n${describeViolations(loud)}`);
        }
      } finally {
        el.remove();
      }
    });

    it(`${form.id}: every control's accessible name is its visible label`, async () => {
      const el = await mount(form.id);
      try {
        el.data = { services: form.model.services.map((s) => s.id) };
        await settle(el);
        for (const node of controls(el)) {
          ok(!node.hasAttribute('aria-label') && !node.hasAttribute('aria-labelledby'), `#${node.id} is named by what is seen`);
          if (node instanceof HTMLInputElement || node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement) {
            equal(node.labels?.length, 1, `#${node.id} has one <label>`);
            ok(node.labels?.[0]?.textContent?.trim(), `#${node.id}'s label has text`);
          } else {
            ok(node.textContent?.trim(), `a ${node.tagName} has visible text`);
          }
        }
      } finally {
        el.remove();
      }
    });

    it(`${form.id}: each service shows its sections, hides them unticked, keeps what was typed out of the payload`, async () => {
      const el = await mount(form.id);
      try {
        const shown = () => [...(el.shadowRoot?.querySelectorAll<HTMLElement>('fieldset[data-section]') ?? [])].map((s) => s.dataset.section);
        const base = shown();
        for (const [index, service] of form.model.services.entries()) {
          const box = el.shadowRoot?.getElementById(index === 0 ? 'yb-services' : `yb-services-${index}`) as HTMLInputElement;
          ok(box, `a checkbox for ${service.id}`);
          box.click();
          await settle(el);
          const own = form.model.sections.filter((s) => s.service === service.id || service.sections.includes(s.key)).map((s) => s.key);
          for (const key of own) ok(shown().includes(key), `${service.id} shows ${key}`);
          const text = own
            .flatMap((key) => form.model.sections.find((s) => s.key === key)?.fields ?? [])
            .find((f) => f.kind === 'text' && f.visibleWhen === undefined);
          if (text !== undefined) {
            const input = el.shadowRoot?.querySelector<HTMLInputElement>(`[data-path="${text.path}"] input`);
            ok(input);
            input.value = '保留';
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }
          box.click();
          await settle(el);
          for (const key of own) ok(!shown().includes(key) || base.includes(key), `${service.id} unticked hides ${key}`);
          if (text !== undefined) {
            const [section, key] = text.path.slice(1).split('/') as [string, string];
            equal((el.data[section] as Record<string, unknown>)[key], '保留', 'kept in memory');
            const result = await el.submit();
            ok(!result.valid || !(section in (result.payload?.data ?? {})), 'never in a payload');
          }
        }
      } finally {
        el.remove();
      }
    });
  }
});

describe('keyboard only: Shandong filled and submitted with Tab, Space, Enter, arrows and typing', () => {
  it('reaches every control in order with visible focus, fills, submits and receives the token', async () => {
    if (!forms.some((f) => f.id === 'shandong')) return;
    const el = await mount('shandong');
    el.style.setProperty('--yibiao-color-focus', 'rgb(255, 0, 255)');
    const root = el.shadowRoot as ShadowRoot;
    const submitted = new Promise<CustomEvent<{ token: string }>>((resolve) => el.addEventListener('yibiao-submit', (e) => resolve(e as CustomEvent), { once: true }));
    try {
      const start = document.createElement('button');
      start.textContent = 'before the form';
      el.before(start);
      start.focus();
      const visited: string[] = [];
      let reachedSubmit = false;
      const declared = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
      const dateKeys = new Intl.DateTimeFormat(navigator.language)
        .formatToParts(new Date(2000, 10, 22))
        .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
        .map((p) => ({ year: declared.slice(0, 4), month: declared.slice(5, 7), day: declared.slice(8, 10) })[p.type as 'year' | 'month' | 'day'])
        .join('');
      for (let step = 0; step < 80; step += 1) {
        await sendKeys({ press: 'Tab' });
        await settle(el);
        const active = root.activeElement as HTMLElement | null;
        if (active === null) break;
        const id = active.id || active.tagName.toLowerCase();
        // Tab inside a date or month input walks its segments (and picker button): the same control again.
        if (visited.at(-1) === id) continue;
        visited.push(id);
        const style = getComputedStyle(active);
        equal(style.outlineStyle, 'solid', `#${id} shows focus`);
        equal(style.outlineColor, 'rgb(255, 0, 255)', `#${id} focus uses --yibiao-color-focus`);
        switch (id) {
          case 'yb-services':
            await sendKeys({ press: 'Space' }); // 灵活就业人员参保登记: no section, no photo
            break;
          case 'yb-applicant-name':
            await sendKeys({ type: '李明' });
            break;
          case 'yb-applicant-idNumber':
            await sendKeys({ type: '370102199003071510' }); // fills 性别 (radios come before it)
            break;
          case 'yb-applicant-ethnicity':
            await sendKeys({ press: 'ArrowDown' }); // 汉族
            break;
          case 'yb-applicant-phone':
            await sendKeys({ type: '13812345678' });
            break;
          case 'yb-applicant-enrolmentMonth':
            await sendKeys({ type: declared.slice(5, 7) });
            await sendKeys({ press: 'ArrowRight' });
            await sendKeys({ type: declared.slice(0, 4) });
            break;
          case 'yb-declaration-agreed':
            await sendKeys({ press: 'Space' });
            break;
          case 'yb-declaration-signature':
            await sendKeys({ type: '李明' });
            break;
          case 'yb-declaration-date':
            await sendKeys({ type: dateKeys });
            break;
          default:
            break;
        }
        await settle(el);
        if (active.getAttribute('part') === 'submit') {
          reachedSubmit = true;
          await sendKeys({ press: 'Enter' });
          break;
        }
      }
      ok(reachedSubmit, `Tab reached the submit button after ${visited.join(' → ')}`);
      ok(visited.includes('summary'), 'the help panel is reachable');
      ok(visited.indexOf('yb-services') < visited.indexOf('yb-applicant-name'), 'services come first');
      const { detail } = await submitted;
      equal(detail.token.split('.').length, 3);
      const applicant = el.data.applicant as Record<string, unknown>;
      deepEqual([applicant.sex, applicant.ethnicity, applicant.phone], ['1', '01', '13812345678']);
    } finally {
      el.previousElementSibling?.remove();
      el.remove();
    }
  });
});
