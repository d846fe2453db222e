/**
 * End to end: the REAL generated module `/widget/dist/shandong.js` on a host
 * page served with a strict CSP (`script-src 'self'; object-src 'none';
 * base-uri 'none'`, see web-test-runner.config.mjs), filled with real key
 * events, submitted, and its token verified with jose — not with our verifier.
 * Needs `npm run build` first.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';

/** What the `yibiao-verify` server command returns (web-test-runner.config.mjs). */
interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
}

import { base64url, compactVerify, decodeProtectedHeader, importJWK } from 'jose';
import { buildJpeg } from '../runtime/fixtures/files.js';
import { deepEqual, equal, includes, ok, rejects, waitFor } from './assert.js';

const PAGE = '/tests/e2e/fixtures/csp.html';
const TAG = 'yibiao-shandong';
/** A checksum-valid resident ID: Beijing Xicheng, born 1949-12-31, female (17th digit even). */
const RESIDENT_ID = '11010519491231002X';

interface FormHost extends HTMLElement {
  updateComplete: Promise<boolean>;
  data: Record<string, unknown>;
}

let frame: HTMLIFrameElement;
let host: FormHost;
const violations: string[] = [];
let attachedBeforeModule = false;

function win(): Window & typeof globalThis {
  const w = frame.contentWindow;
  ok(w, 'the frame has a window');
  return w as Window & typeof globalThis;
}

function shadow(): ShadowRoot {
  ok(host.shadowRoot, 'the element has rendered its shadow root');
  return host.shadowRoot;
}

function control(id: string): HTMLInputElement {
  const node = shadow().getElementById(id);
  ok(node, `control #${id} is rendered`);
  return node as HTMLInputElement;
}

async function settle(): Promise<void> {
  await host.updateComplete;
  await new Promise((resolve) => win().requestAnimationFrame(() => resolve(undefined)));
  await host.updateComplete;
}

/** Focuses a control inside the framed shadow root and types with real key events. */
async function type(id: string, text: string): Promise<void> {
  control(id).focus();
  equal(shadow().activeElement?.id, id, `#${id} has focus`);
  await sendKeys({ type: text });
  await settle();
}

async function press(id: string, key: string): Promise<void> {
  control(id).focus();
  await sendKeys({ press: key });
  await settle();
}

/** The date `days` ago, `YYYY-MM-DD`, in Asia/Shanghai (the form's "today"). */
function shanghaiDate(daysAgo: number): string {
  const d = new Date(Date.now() - daysAgo * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d);
}

/** Types a date into `<input type="date">` in the browser's locale order, as a person would. */
async function typeDate(id: string, iso: string): Promise<void> {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const order = new Intl.DateTimeFormat(win().navigator.language)
    .formatToParts(new Date(2000, 10, 22))
    .filter((p) => p.type === 'year' || p.type === 'month' || p.type === 'day')
    .map((p) => ({ year: y, month: m, day: d })[p.type as 'year' | 'month' | 'day']);
  await type(id, order.join(''));
  equal(control(id).value, iso, `typed date into #${id}`);
}

describe('<yibiao-shandong> built module under a strict CSP', () => {
  before(async () => {
    frame = document.createElement('iframe');
    frame.src = PAGE;
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
    // Listen for violations from the framed document's very start: poll for it to
    // replace about:blank, and check that the widget module had not run yet.
    const doc = await waitFor(() => {
      const d = frame.contentDocument;
      return d?.URL.endsWith(PAGE) ? d : undefined;
    }, 'the framed document', 15_000);
    attachedBeforeModule = frame.contentWindow?.customElements.get(TAG) === undefined;
    doc.addEventListener('securitypolicyviolation', (e) => {
      violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
    host = await waitFor(() => {
      const el = frame.contentDocument?.querySelector(TAG);
      return el?.shadowRoot?.querySelector('form') ? (el as FormHost) : undefined;
    }, `<${TAG}> upgraded and rendered`, 15_000);
    await settle();
  });

  after(() => {
    frame.remove();
  });

  it('loads the module as a file and defines the element with the generated class', async () => {
    const source = await (await fetch('/widget/dist/shandong.js')).text();
    ok(!/\beval\s*\(|\bFunction\s*\(/.test(source), 'the bundle has no eval( or Function(');
    ok(attachedBeforeModule, 'the violation listener was attached before the module ran');
    const cls = win().customElements.get(TAG);
    equal(cls?.name, 'YibiaoShandongForm');
    equal(frame.contentDocument?.querySelectorAll('script:not([src])').length, 0, 'no inline script on the host page');
    ok(shadow().adoptedStyleSheets.length > 0, 'styles are adopted stylesheets');
    equal(shadow().querySelectorAll('[style], style').length, 0);
  });

  it('is filled, refused with an error summary, fixed, signed and verified with jose', async () => {
    const submitted: string[] = [];
    host.addEventListener('yibiao-submit', (e) => {
      submitted.push((e as CustomEvent<{ token: string }>).detail.token);
    });
    const invalid: unknown[] = [];
    host.addEventListener('yibiao-invalid', (e) => invalid.push((e as CustomEvent<{ errors: unknown[] }>).detail.errors));

    // Tick 社会保障卡 with the keyboard and see its section appear.
    const cardBox = [...shadow().querySelectorAll<HTMLInputElement>('fieldset.section--services input[type=checkbox]')].find(
      (box) => box.value === 'socialSecurityCard',
    );
    ok(cardBox, 'a checkbox for 社会保障卡');
    includes(cardBox.labels?.[0]?.textContent, '社会保障卡');
    equal(shadow().querySelector('fieldset[data-section="socialSecurityCard"]'), null, 'hidden until ticked');
    await press(cardBox.id, 'Space');
    ok(cardBox.checked);
    const section = shadow().querySelector('fieldset[data-section="socialSecurityCard"]');
    ok(section, 'the 社会保障卡 section appears');
    includes(section.querySelector('legend')?.textContent, '社会保障卡');

    // 申请人基本信息
    await type('yb-applicant-name', '张三');
    await press('yb-applicant-sex-1', 'Space');
    await type('yb-applicant-idNumber', RESIDENT_ID);
    await press('yb-applicant-ethnicity', 'ArrowDown');
    equal((control('yb-applicant-ethnicity') as unknown as HTMLSelectElement).value, '01');
    await type('yb-applicant-phone', '1381234567'); // one digit short: invalid on purpose
    // Chromium's month field (en-US): month segment, then year segment.
    await type('yb-applicant-enrolmentMonth', '1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ type: '2026' });
    await settle();
    equal(control('yb-applicant-enrolmentMonth').value, '2026-01', 'typed year-month');

    // 社会保障卡 section
    await type('yb-socialSecurityCard-issuingAuthority', '北京市公安局西城分局');
    await typeDate('yb-socialSecurityCard-validFrom', '2020-01-15');
    await press('yb-socialSecurityCard-validTo-permanent', 'Space');
    await type('yb-socialSecurityCard-cardBank', '中国工商银行');
    await type('yb-socialSecurityCard-mailingAddress', '山东省济南市历下区泉城路1号');

    // 申请材料: the card needs a 白底证件照 (JPEG, at most 50 KB); picked as a person would.
    const photo = control('yb-material-whiteBackgroundPhoto');
    const transfer = new (win().DataTransfer)();
    transfer.items.add(new (win().File)([buildJpeg({ width: 358, height: 441, size: 40_000 }) as Uint8Array<ArrayBuffer>], '证件照.jpg'));
    photo.files = transfer.files;
    photo.dispatchEvent(new (win().Event)('change', { bubbles: true }));
    await waitFor(() => shadow().querySelector('[data-material="whiteBackgroundPhoto"] .file__name'), 'the photo is held');

    // 承诺
    await press('yb-declaration-agreed', 'Space');
    await type('yb-declaration-signature', '张三');
    await typeDate('yb-declaration-date', shanghaiDate(1));

    // Submit with the invalid phone: Enter in a text field submits the form.
    await press('yb-declaration-signature', 'Enter');
    const summary = await waitFor(() => shadow().querySelector<HTMLElement>('[part="error-summary"]'), 'the error summary');
    await settle();
    equal(shadow().activeElement, summary, 'the summary is focused');
    ok(summary.querySelector('[role="alert"]'));
    const links = [...summary.querySelectorAll('a')];
    equal(links.length, 1, `one problem, got ${links.map((a) => a.textContent).join(' | ')}`);
    includes(links[0]?.textContent, '联系电话');
    equal(invalid.length, 1);
    equal(submitted.length, 0);
    // Nothing typed was lost.
    equal(control('yb-applicant-name').value, '张三');
    equal(control('yb-applicant-idNumber').value, RESIDENT_ID);
    equal(control('yb-applicant-phone').value, '1381234567');
    equal(control('yb-socialSecurityCard-cardBank').value, '中国工商银行');
    equal(control('yb-declaration-signature').value, '张三');
    equal(control('yb-applicant-phone').getAttribute('aria-invalid'), 'true');

    // Follow the link to the field, fix it, submit with the button.
    links[0]?.focus();
    await sendKeys({ press: 'Enter' });
    await settle();
    equal(shadow().activeElement?.id, 'yb-applicant-phone');
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '8' });
    await settle();
    equal(control('yb-applicant-phone').getAttribute('aria-invalid'), null, 'fixed live');
    equal(shadow().querySelector('[part="error-summary"]'), null, 'the summary goes once all is fixed');
    const button = shadow().querySelector<HTMLButtonElement>('[part="submit"]');
    ok(button);
    button.focus();
    await sendKeys({ press: 'Enter' });
    const token = await waitFor(() => submitted[0], 'the signed token', 15_000);
    equal(submitted.length, 1);

    // Verify with jose, using the key in the header.
    const header = decodeProtectedHeader(token);
    equal(header.alg, 'ES256');
    ok(header.jwk, 'the header carries the public JWK');
    const key = await importJWK(header.jwk, 'ES256');
    const { payload } = await compactVerify(token, key, { algorithms: ['ES256'] });
    const body = JSON.parse(new TextDecoder().decode(payload)) as {
      form: { id: string };
      services: string[];
      data: Record<string, Record<string, unknown>>;
    };
    equal(body.form.id, 'shandong');
    deepEqual(body.services, ['socialSecurityCard']);
    deepEqual(Object.keys(body.data).sort(), ['applicant', 'declaration', 'services', 'socialSecurityCard']);
    equal(body.data.applicant?.phone, '13812345678');
    equal(body.data.applicant?.idNumber, RESIDENT_ID);
    equal(body.data.applicant?.enrolmentMonth, '2026-01');
    equal(body.data.socialSecurityCard?.validTo, '长期');
    equal(body.data.declaration?.agreed, true);

    // One byte of the payload flipped: jose refuses the signature.
    const [h, p, s] = token.split('.') as [string, string, string];
    const bytes = base64url.decode(p);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    const tampered = `${h}.${base64url.encode(bytes)}.${s}`;
    const error = (await rejects(compactVerify(tampered, key, { algorithms: ['ES256'] }))) as { code?: string };
    equal(error.code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');

    // The same token and its tampered copy through the CLI, `yibiao verify -` (run by the test server in Node).
    const accepted = await executeServerCommand<CliResult, { token: string }>('yibiao-verify', { token });
    equal(accepted?.exitCode, 0, `yibiao verify accepts the browser's token: ${accepted?.stdout}`);
    equal(JSON.parse(accepted?.stdout ?? '{}').ok, true);
    const refused = await executeServerCommand<CliResult, { token: string }>('yibiao-verify', { token: tampered });
    equal(refused?.exitCode, 1, 'yibiao verify refuses the tampered token');
    equal(JSON.parse(refused?.stdout ?? '{}').code, 'E_SIG_INVALID');
  });

  it('had no CSP violation, and would have seen one', async () => {
    deepEqual(violations, [], 'no securitypolicyviolation in the framed page');
    // Control: an inline script is blocked by the same policy and reported.
    const doc = frame.contentDocument;
    ok(doc);
    const script = doc.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    doc.body.append(script);
    await waitFor(() => violations.length > 0, 'the control violation');
    includes(violations[0], 'script-src');
    equal((win() as unknown as { __inlineRan?: boolean }).__inlineRan, undefined);
  });
});
