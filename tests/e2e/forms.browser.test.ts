/**
 * Every built form (whatever `widget/dist/*.js` + `dist/forms/*\/model.json`
 * exist), each in a host page with the strictest policy the widget must live
 * with — `script-src 'self'`, `style-src 'self'`, `connect-src 'none'`,
 * Trusted Types enforced with only `lit-html` allowed (web-test-runner.config.mjs):
 * renders, takes a valid example and the files it needs, submits and signs,
 * with no CSP or Trusted Types violation and no request but the module and
 * the parts of it that `widget/dist/<id>/parts.json` lists, from its own directory.
 * Then: a draft survives an iframe reload. Needs `npm run build` first.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { FormModel } from '../../src/ir/types.js';
import { buildJpeg, buildPdf } from '../runtime/fixtures/files.js';
import { deepEqual, equal, includes, ok, waitFor } from './assert.js';
import { type FramedForm, openFramed, pickFramed, settleFramed } from './frame.js';

interface BuiltForm {
  readonly id: string;
  readonly model: FormModel;
  readonly examples: readonly { readonly name: string; readonly data: { readonly data: Record<string, unknown> } }[];
}

const forms = (await executeServerCommand<BuiltForm[], undefined>('yibiao-forms')) ?? [];
const page = (id: string, query = '?no-draft') => `/tests/e2e/fixtures/form/${id}.html${query}`;
/** A JPEG every photo material takes (Guangxi's spec: 358×441, 350 dpi, 40 000 bytes). */
const PHOTO = buildJpeg({ width: 358, height: 441, size: 40_000 });

/** Attaches a file to every upload the data needs: required material slots, and `file` fields that hold a record. */
async function attachNeeded(f: FramedForm): Promise<number> {
  let picked = 0;
  const inputs = [...f.shadow.querySelectorAll<HTMLInputElement>('input[type="file"]')];
  for (const input of inputs) {
    const path = input.closest<HTMLElement>('[data-path]')?.dataset.path;
    const hasRecord = path !== undefined && readPath(f.host.data, path) !== undefined;
    if (input.getAttribute('aria-required') !== 'true' && !hasRecord) continue;
    const accept = input.accept.split(',');
    const jpeg = accept.includes('image/jpeg') || input.accept === '';
    const changed = new Promise((resolve) => f.host.addEventListener('yibiao-change', resolve, { once: true }));
    pickFramed(f, input, jpeg ? PHOTO : buildPdf(), jpeg ? 'photo.jpg' : 'scan.pdf');
    await changed;
    picked += 1;
  }
  await settleFramed(f);
  return picked;
}

function readPath(data: unknown, pointer: string): unknown {
  let node = data;
  for (const key of pointer.slice(1).split('/')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

describe('every built form under strict CSP and Trusted Types, with no network of its own', () => {
  it(`finds the built forms (${forms.map((f) => f.id).join(', ')})`, () => {
    ok(forms.length > 0, 'run npm run build first');
    ok(forms.some((f) => f.id === 'shandong'));
  });

  for (const form of forms) {
    it(`${form.id}: renders, takes a valid example and its files, signs; 0 violations; fetches only its module and listed parts`, async () => {
      const f = await openFramed(page(form.id), `yibiao-${form.id}`);
      try {
        equal((f.win as unknown as { trustedTypes?: { defaultPolicy: unknown } }).trustedTypes?.defaultPolicy ?? null, null, 'no default policy: only lit-html');
        ok(f.shadow.adoptedStyleSheets.length > 0, 'adopted stylesheets');
        equal(f.shadow.querySelectorAll('[style], style').length, 0);
        let chosen = '';
        let problems = '';
        for (const example of form.examples) {
          f.host.data = example.data.data;
          await settleFramed(f);
          await attachNeeded(f);
          const verdict = f.host.validate();
          if (verdict.valid) {
            chosen = example.name;
            break;
          }
          problems += `${example.name}: ${verdict.errors.map((e) => `${e.path} ${e.code}`).join(', ')}\n`;
        }
        ok(chosen !== '', `a valid example of ${form.id} validates in the widget:\n${problems}`);
        const submitted = new Promise<CustomEvent<{ token: string; files: { name: string }[]; payload: { attachments: { name: string }[] } }>>(
          (resolve) => f.host.addEventListener('yibiao-submit', (e) => resolve(e as CustomEvent), { once: true }),
        );
        const button = f.shadow.querySelector<HTMLButtonElement>('[part="submit"]');
        ok(button);
        button.click();
        const { detail } = await submitted;
        equal(detail.token.split('.').length, 3, `${chosen} signed`);
        deepEqual(
          detail.files.map((x) => x.name),
          detail.payload.attachments.map((a) => a.name),
          'the files sent are the files signed',
        );
        await settleFramed(f);
        ok(f.shadow.querySelector('[part="receipt"]'), 'a receipt');
        // Switch language, show errors: still no violation.
        f.host.setAttribute('lang', 'en');
        f.host.data = {};
        f.host.validate();
        await settleFramed(f);
        deepEqual(f.violations, [], 'no CSP or Trusted Types violation');
        const fetched = f.win.performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'))
          .map((url) => new URL(url).pathname);
        const listed = ((await (await fetch(`/widget/dist/${form.id}/parts.json`)).json()) as { parts: { file: string }[] }).parts.map(
          (p) => `/widget/dist/${p.file}`,
        );
        equal(fetched[0], `/widget/dist/${form.id}.js`, 'the module is the first request');
        deepEqual(
          fetched.filter((url) => !listed.includes(url)),
          [],
          'every other request is a part the build listed, in the directory of the widget',
        );
        ok(
          fetched.some((url) => /\/submission-part-[A-Za-z0-9_-]+\.js$/.test(url)),
          'the signing part was loaded (it is not in the module itself)',
        );
      } finally {
        f.frame.remove();
      }
    });
  }

  it('refuses what the policy forbids, so the checks above could fail', async () => {
    const f = await openFramed(page('shandong'), 'yibiao-shandong');
    try {
      let blocked = false;
      try {
        f.win.document.body.innerHTML = '<b>x</b>';
      } catch {
        blocked = true; // Trusted Types: a string is not TrustedHTML
      }
      ok(blocked, 'Trusted Types are enforced');
      // Past Trusted Types (the allowed policy name), an inline script still meets script-src 'self'.
      const tt = (f.win as unknown as { trustedTypes?: { createPolicy(name: string, rules: { createScript(x: string): string }): { createScript(x: string): unknown } } }).trustedTypes;
      const policy = tt?.createPolicy('lit-html', { createScript: (x: string) => x });
      ok(policy, 'lit-html may be created again (allow-duplicates)');
      const script = f.win.document.createElement('script');
      script.textContent = policy.createScript('window.__ran = true') as unknown as string;
      f.win.document.body.append(script);
      equal((f.win as unknown as { __ran?: boolean }).__ran, undefined);
      await f.win.fetch('/widget/dist/shandong.js').catch(() => undefined);
      await waitFor(() => f.violations.length >= 3, 'the control violations');
      includes(f.violations.join('\n'), 'script-src');
      includes(f.violations.join('\n'), 'require-trusted-types-for');
      includes(f.violations.join('\n'), 'connect-src');
    } finally {
      f.frame.remove();
    }
  });

  it('two forms, two Lit copies, one page under Trusted Types: both work (case 11)', async () => {
    const ids = forms.map((f) => f.id).filter((id) => id === 'shandong' || id === 'weihai');
    if (ids.length < 2) return;
    const f = await openFramed(page(ids.join('+')), 'yibiao-weihai');
    try {
      const other = f.win.document.querySelector('yibiao-shandong')?.shadowRoot;
      ok(other?.querySelector('form'), 'the first form rendered too');
      ok(other);
      (f.shadow.getElementById('yb-services') as HTMLInputElement).click();
      (other.getElementById('yb-services') as HTMLInputElement).click();
      await settleFramed(f);
      deepEqual(f.violations, []);
    } finally {
      f.frame.remove();
    }
  });

  it('fails closed and says why when the policy does not allow lit-html (case 11)', async () => {
    const frame = document.createElement('iframe');
    const src = page('shandong', '?tt=no-lit');
    frame.src = src;
    document.body.append(frame);
    const errors: string[] = [];
    const violations: string[] = [];
    try {
      const doc = await waitFor(() => (frame.contentDocument?.URL.endsWith(src) ? frame.contentDocument : undefined), 'the framed document', 15_000);
      const win = frame.contentWindow as Window & typeof globalThis;
      win.console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
      doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.sample}`));
      await waitFor(() => errors.length > 0 || undefined, 'the explanation', 15_000);
      includes(errors.join('\n'), 'E_TRUSTED_TYPES_POLICY');
      includes(errors.join('\n'), "trusted-types lit-html 'allow-duplicates'");
      includes(violations.join('\n'), 'lit-html');
      equal(win.customElements.get('yibiao-shandong'), undefined, 'nothing started');
      equal(doc.querySelector('yibiao-shandong')?.shadowRoot ?? null, null, 'nothing rendered');
    } finally {
      frame.remove();
    }
  });

  it('refuses to submit inside a frame of another origin unless the page opts in (SECURITY §2 "Host")', async () => {
    const shandong = forms.find((f) => f.id === 'shandong');
    const example = shandong?.examples.find((e) => e.name === 'one-service-pension.json');
    if (example === undefined) return;
    const here = new URL(location.href);
    const otherHost = here.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const inner = `${here.origin}${page('shandong')}`;
    const outer = document.createElement('iframe');
    outer.src = `${here.protocol}//${otherHost}:${here.port}/tests/e2e/fixtures/outer.html?inner=${encodeURIComponent(inner)}`;
    outer.style.width = '1000px';
    outer.style.height = '800px';
    document.body.append(outer);
    try {
      const host = await waitFor(() => {
        try {
          const el = (outer.contentWindow?.frames[0] as (Window & typeof globalThis) | undefined)?.document.querySelector('yibiao-shandong');
          return el?.shadowRoot?.querySelector('form') ? (el as FramedForm['host']) : undefined;
        } catch {
          return undefined; // not loaded yet (still about:blank of the other origin)
        }
      }, 'the form framed by another origin', 15_000);
      host.data = example.data.data;
      const refused = (await host.submit()) as { valid: boolean; errors: { code: string }[] };
      equal(refused.valid, false);
      deepEqual(refused.errors.map((e) => e.code), ['E_CROSS_ORIGIN_FRAME']);
      await host.updateComplete;
      includes(host.shadowRoot?.querySelector('[part="error-summary"]')?.textContent, '不能在此提交');
      (host as unknown as { allowCrossOriginFrame: boolean }).allowCrossOriginFrame = true;
      const accepted = (await host.submit()) as { valid: boolean };
      equal(accepted.valid, true, 'the page opted in');
    } finally {
      outer.remove();
    }
  });

  it('shandong: an encrypted draft survives reloading the page (case 30)', async () => {
    const reloadPage = page('shandong', '?draft-key=reload-test');
    let f = await openFramed(reloadPage, 'yibiao-shandong');
    try {
      const name = f.shadow.getElementById('yb-applicant-name') as HTMLInputElement;
      name.value = '王小明';
      name.dispatchEvent(new f.win.Event('input', { bubbles: true }));
      await new Promise((resolve) => f.host.addEventListener('yibiao-draft-saved', resolve, { once: true }));
      f = await openFramed(reloadPage, 'yibiao-shandong', f);
      const restored = await waitFor(() => (f.shadow.getElementById('yb-applicant-name') as HTMLInputElement | null)?.value || undefined, 'the restored name');
      equal(restored, '王小明');
      includes(f.shadow.querySelector('[part="notice"]')?.textContent, '已恢复您上次未提交的草稿');
      (f.shadow.querySelector('[part="notice"] button') as HTMLButtonElement).click();
      await settleFramed(f);
      deepEqual(f.violations, []);
    } finally {
      f.frame.remove();
    }
  });
});
