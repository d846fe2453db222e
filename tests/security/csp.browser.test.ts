/**
 * CSP, Trusted Types and SRI (SECURITY.md §2 "CSP", "Trusted Types",
 * "Supply chain", §3 cases 10 and 11), with the REAL built modules
 * (`widget/dist/*.js`, run `npm run build` first) on host pages whose policy
 * is a `<meta http-equiv>` (tests/security/fixtures/*.html), each in a frame
 * whose violations are recorded from its first moment.
 */
import { equal, includes, ok, waitFor } from '../e2e/assert.js';
import { type HostFrame, openFrame, renderedIn, settle, type Updating } from './browser.js';

interface FormHost extends Updating {
  data: Record<string, unknown>;
  submit(): Promise<{ valid: boolean; token?: string; errors?: readonly { path: string }[] }>;
  validate(): { valid: boolean };
}

async function exampleData(form: string, file: string): Promise<Record<string, unknown>> {
  return ((await (await fetch(`/forms/${form}/examples/valid/${file}`)).json()) as { data: Record<string, unknown> }).data;
}

/** Fills the element with a valid example, submits, and returns the token. */
async function submitExample(host: HostFrame, el: FormHost, form: string, file: string): Promise<string> {
  // Made in the frame's realm: the element takes plain objects of its own window only.
  el.data = host.win.JSON.parse(JSON.stringify(await exampleData(form, file))) as Record<string, unknown>;
  const result = await el.submit();
  ok(result.valid, `the example submits: ${JSON.stringify(result.errors?.map((e) => e.path))}`);
  await settle(el, host.win);
  equal(result.token?.split('.').length, 3, 'a compact JWS');
  return result.token as string;
}

/** Adds an inline event handler to the page and fires it: the policy must block and report it. */
async function provePolicyEnforced(host: HostFrame): Promise<void> {
  const before = host.violations.length;
  const button = host.doc.createElement('button');
  button.setAttribute('onclick', 'window.__inlineRan = true');
  host.doc.body.append(button);
  button.click();
  await waitFor(() => host.violations.length > before, 'the control violation');
  includes(host.violations.slice(before).join('\n'), 'script-src');
  equal((host.win as unknown as { __inlineRan?: boolean }).__inlineRan, undefined);
  button.remove();
  host.violations.length = before;
}

describe('case 10: a strict-CSP page (nonce + strict-dynamic), with and without adoptedStyleSheets', () => {
  let host: HostFrame;

  afterEach(() => host.remove());

  it('with adoptedStyleSheets: renders with adopted styles, submits, 0 violations', async () => {
    host = await openFrame('/tests/security/fixtures/csp-strict.html');
    const el = await renderedIn<FormHost>(host, 'yibiao-shandong');
    ok((el.shadowRoot?.adoptedStyleSheets.length ?? 0) > 0, 'styles are constructable stylesheets');
    equal(el.shadowRoot?.querySelectorAll('style, [style]').length, 0, 'no <style> and no style attribute');
    await submitExample(host, el, 'shandong', 'one-service-pension.json');
    equal(host.violations.join('\n'), '', 'no CSP violation');
    equal(host.errors.join('\n'), '', 'no error');
    await provePolicyEnforced(host);
  });

  it('without adoptedStyleSheets: styles come as <style nonce> (window.litNonce), submits, 0 violations', async () => {
    host = await openFrame('/tests/security/fixtures/csp-fallback.html');
    const el = await renderedIn<FormHost>(host, 'yibiao-shandong');
    ok(!('adoptedStyleSheets' in host.win.Document.prototype), 'the page really has no adoptedStyleSheets');
    const styles = [...(el.shadowRoot?.querySelectorAll('style') ?? [])];
    ok(styles.length > 0, 'Lit fell back to <style> elements');
    ok(styles.every((s) => s.nonce === 'yibiao-test'), 'each carries the nonce');
    const button = el.shadowRoot?.querySelector('[part="submit"]') as HTMLElement;
    equal(host.win.getComputedStyle(button).backgroundColor, 'rgb(0, 112, 60)', 'the styles applied (the submit colour)');
    await submitExample(host, el, 'shandong', 'one-service-pension.json');
    equal(host.violations.join('\n'), '', 'no CSP violation');
    equal(host.errors.join('\n'), '', 'no error');
    // Control: a <style> without the nonce is refused by the same policy.
    const style = host.doc.createElement('style');
    style.textContent = 'body { color: red }';
    host.doc.head.append(style);
    await waitFor(() => host.violations.some((v) => v.startsWith('style-src')), 'the style-src control violation');
  });
});

describe('case 11: Trusted Types', () => {
  let host: HostFrame;

  afterEach(() => host.remove());

  it('with trusted-types lit-html allow-duplicates, two widget modules (two Lit copies) render and submit, 0 violations', async () => {
    host = await openFrame('/tests/security/fixtures/tt-two-copies.html');
    ok((host.win as unknown as { trustedTypes?: unknown }).trustedTypes, 'the browser has Trusted Types');
    const shandong = await renderedIn<FormHost>(host, 'yibiao-shandong');
    const weihai = await renderedIn<FormHost>(host, 'yibiao-weihai');
    await submitExample(host, shandong, 'shandong', 'one-service-pension.json');
    await submitExample(host, weihai, 'weihai', 'edge-account-luhn-warning.json');
    equal(host.violations.join('\n'), '', 'no Trusted Types or CSP violation');
    equal(host.errors.join('\n'), '', 'no error');
    // Control: a plain string into an HTML sink is refused on this page.
    let refused = false;
    try {
      host.doc.body.innerHTML = '<b>x</b>';
    } catch {
      refused = true;
    }
    ok(refused, 'Trusted Types are enforced');
  });

  it('without lit-html in the policy: fails closed (no element, nothing rendered) and the browser says why', async () => {
    host = await openFrame('/tests/security/fixtures/tt-without-lit.html');
    // The page records from its first script (the refusal can come before openFrame's listeners); the dev server's own script is not the widget's.
    const early = () => ((host.win as unknown as { __early?: string[] }).__early ?? []).filter((line) => !line.includes('__web-dev-server'));
    const seen = () => [...early(), ...host.violations, ...host.errors];
    await waitFor(() => seen().length > 0, 'the refusal', 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    equal(host.win.customElements.get('yibiao-shandong'), undefined, 'the element is not defined');
    const el = host.doc.querySelector('yibiao-shandong');
    equal(el?.shadowRoot ?? null, null, 'nothing rendered');
    const why = seen().join('\n');
    includes(why, 'trusted-types');
    includes(why, 'lit-html');
  });
});

describe('Subresource Integrity (README embed tag, scripts/sri.mjs)', () => {
  let host: HostFrame;

  afterEach(() => host.remove());

  async function sha384(url: string): Promise<string> {
    const bytes = await (await fetch(url)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
    return `sha384-${btoa(String.fromCharCode(...digest))}`;
  }

  function load(doc: Document, src: string, integrity: string): Promise<'load' | 'error'> {
    return new Promise((resolve) => {
      const script = doc.createElement('script');
      script.type = 'module';
      script.src = src;
      script.integrity = integrity;
      script.crossOrigin = 'anonymous';
      script.onload = () => resolve('load');
      script.onerror = () => resolve('error');
      doc.head.append(script);
    });
  }

  it('loads the module with its sha384, and refuses a module whose bytes differ from the pinned hash', async () => {
    host = await openFrame('/tests/security/fixtures/blank.html');
    const good = await sha384('/widget/dist/weihai.js');
    equal(await load(host.doc, '/widget/dist/weihai.js', good), 'load');
    ok(host.win.customElements.get('yibiao-weihai'), 'the pinned module ran');
    const wrong = await sha384('/widget/dist/weihai.js');
    equal(await load(host.doc, '/widget/dist/shandong.js', wrong), 'error', 'another file under this hash is blocked');
    equal(host.win.customElements.get('yibiao-shandong'), undefined, 'and never ran');
  });
});
