/**
 * The embedding examples in widget/examples — plain HTML, React 19, Vue 3 —
 * each in its own page (served under `script-src 'self'` and
 * `connect-src 'none'`; React and Vue bundled by esbuild on request, see
 * web-test-runner.config.mjs): the element mounts inside the framework's
 * tree, takes typing, submits, and the page receives `yibiao-submit`.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { deepEqual, equal, includes, ok, waitFor } from './assert.js';
import { openFramed, settleFramed } from './frame.js';

interface Example {
  readonly name: string;
  readonly data: { readonly data: Record<string, unknown> };
}

const shandong = ((await executeServerCommand<{ id: string; examples: Example[] }[], undefined>('yibiao-forms')) ?? []).find((f) => f.id === 'shandong');
const example = shandong?.examples.find((e) => e.name === 'one-service-pension.json');

for (const name of ['plain', 'react', 'vue']) {
  describe(`widget/examples/${name}`, () => {
    it('mounts the form, takes typing and a language switch, submits, and the page gets yibiao-submit', async () => {
      ok(example, 'the Shandong example one-service-pension.json');
      const f = await openFramed(`/widget/examples/${name}/index.html`, 'yibiao-shandong');
      try {
        equal(f.host.getAttribute('draft-key'), `${name}-example`, 'the attribute reached the element');
        // Start from a valid application without the name, then type the name as a person would.
        const applicant = { ...(example.data.data.applicant as Record<string, unknown>) };
        delete applicant.name;
        f.host.data = { ...example.data.data, applicant };
        await settleFramed(f);
        const input = f.shadow.getElementById('yb-applicant-name') as HTMLInputElement;
        input.focus();
        await sendKeys({ type: '李明' });
        await settleFramed(f);
        equal(input.value, '李明');
        // The page's own button switches the language through the framework's binding.
        (f.win.document.getElementById('lang') as HTMLButtonElement).click();
        await waitFor(() => f.host.getAttribute('lang') === 'en' || undefined, 'lang=en');
        await settleFramed(f);
        equal(f.shadow.querySelector('[part="submit"]')?.textContent?.trim(), 'Submit');
        (f.shadow.querySelector('[part="submit"]') as HTMLButtonElement).click();
        const output = await waitFor(() => {
          const text = f.win.document.getElementById('result')?.textContent ?? '';
          return text.startsWith('yibiao-submit') ? text : undefined;
        }, 'the page shows the submission');
        includes(output, 'pensionRegistration');
        equal((f.host.data.applicant as Record<string, unknown>).name, '李明');
        deepEqual(f.violations, [], 'no CSP violation');
      } finally {
        f.frame.remove();
      }
    });
  });
}
