/**
 * Minimisation in the browser (SECURITY.md §2 "Minimization", §3 case 24,
 * and case 25 for what the page logs): a full journey with the REAL built
 * Shandong module on a host page (tests/security/fixtures/network.html) whose
 * policy reports any request but scripts and same-origin connections, and
 * whose own script posts the token to its intake. Every resource the page
 * fetched is observed with Resource Timing: only the module (and the host's
 * own script) and the intake. Nothing goes to localStorage, cookies or the
 * URL, and nothing personal to the console.
 */
import { sendKeys } from '@web/test-runner-commands';
import { deepEqual, equal, ok, waitFor } from '../e2e/assert.js';
import { type HostFrame, openFrame, renderedIn, resourcesOf, settle, type Updating } from './browser.js';

interface FormHost extends Updating {
  data: Record<string, unknown>;
}

describe('case 24: a full journey contacts only the module (and its listed parts) and the intake', () => {
  let host: HostFrame;

  after(() => host.remove());

  it('loads, is filled by keyboard, submits by click and posts to the intake — and fetches nothing else', async () => {
    const url = '/tests/security/fixtures/network.html';
    host = await openFrame(url);
    const el = await renderedIn<FormHost>(host, 'yibiao-shandong');
    const data = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
    el.data = host.win.JSON.parse(JSON.stringify({ ...data, applicant: { ...(data.applicant as object), phone: undefined } })) as Record<string, unknown>;
    await settle(el, host.win);

    // Type the mobile number with real key events, then submit with a click.
    const phone = el.shadowRoot?.getElementById('yb-applicant-phone') as HTMLInputElement;
    phone.focus();
    await sendKeys({ type: '13812345678' });
    await settle(el, host.win);
    (el.shadowRoot?.querySelector('[part="submit"]') as HTMLButtonElement | null)?.click();
    const intake = await waitFor(() => (host.win as unknown as { __intake: unknown[] }).__intake[0], 'the host posted the token to its intake', 15_000);
    ok(typeof intake === 'number', `the intake answered (${String(intake)})`);
    ok(el.shadowRoot?.querySelector('[part="receipt"]'), 'the receipt shows');

    // Resource Timing lists a request once its response has ended.
    await waitFor(() => resourcesOf(host.win).some((u) => u.endsWith('/__yibiao-intake')), 'the intake request in Resource Timing');
    const origin = host.win.location.origin;
    const fetched = resourcesOf(host.win)
      .map((u) => new URL(u))
      .filter((u) => u.pathname !== '/__web-dev-server__web-socket.js')
      .map((u) => (u.origin === origin ? u.pathname : u.href));
    // The module's own parts (widget/dist/shandong/parts.json), from its own directory, are the module's too.
    const parts = ((await (await fetch('/widget/dist/shandong/parts.json')).json()) as { parts: { file: string }[] }).parts.map((p) => `/widget/dist/${p.file}`);
    ok(fetched.some((u) => u !== '/widget/dist/shandong.js' && parts.includes(u)), 'a lazy part (signing) was fetched');
    deepEqual([...new Set(fetched.filter((u) => u === '/widget/dist/shandong.js' || !parts.includes(u)))].sort(), [
      '/__yibiao-intake',
      '/tests/security/fixtures/host-intake.js',
      '/widget/dist/shandong.js',
    ]);
    equal(host.violations.join('\n'), '', 'no request was blocked by default-src none');
  });

  it('kept nothing in localStorage, sessionStorage, cookies or the URL', () => {
    equal(host.win.localStorage.length, 0, 'localStorage');
    equal(host.win.sessionStorage.length, 0, 'sessionStorage');
    equal(host.doc.cookie, '', 'cookies');
    const url = new URL(host.win.location.href);
    equal(url.pathname + url.search + url.hash, '/tests/security/fixtures/network.html', 'the URL carries no data');
  });

  it('logged nothing personal to the console (case 25)', async () => {
    const lines = (host.win as unknown as { __consoleLines: string[] }).__consoleLines.join('\n');
    for (const personal of ['13812345678', '370102', '李明']) ok(!lines.includes(personal), `the console shows ${personal}`);
  });
});
