/**
 * What the widget does beyond fields and validation, on a hand-written form
 * that uses all of it (tests/runtime/fixtures/full-form.ts): the help panel,
 * live exclusions under the services, ID-number assistance, the 省/市/县
 * picker, attachments and materials, the receipt and the print layout.
 */
import { emulateMedia } from '@web/test-runner-commands';
import { defineForm } from '../../src/runtime/define-form.js';
import { canonicalBytes, sha256Hex } from '../../src/submission/index.js';
import { deepEqual, equal, includes, notEqual, ok, rejects } from '../e2e/assert.js';
import { buildJpeg, buildPdf, drop, fileOf, hasApp1, withGpsExif } from './fixtures/files.js';
import { fullForm, fullFormWithoutDivisions } from './fixtures/full-form.js';
import { FormHarness } from './harness.js';

defineForm({ tag: 'yibiao-full', form: fullForm });
defineForm({ tag: 'yibiao-full-nodiv', form: fullFormWithoutDivisions });

const ID = '11010519491231002X'; // born 1949-12-31, female
const PHOTO_OK = () => buildJpeg({ width: 358, height: 441, size: 40_000 });

let h: FormHarness;

async function fillValid(): Promise<void> {
  await h.type('yb-applicant-name', '张三');
  await h.type('yb-applicant-idNumber', ID);
  await h.choose('yb-applicant-home', '370000');
  await h.choose('yb-applicant-home-city', '370100');
  await h.choose('yb-applicant-home-county', '370102');
  await h.type('yb-applicant-home-detail', '泉城路1号');
}

describe('help, services, ID assistance, address', () => {
  beforeEach(async () => {
    h = await FormHarness.mount('yibiao-full', { 'no-draft': '' });
  });
  afterEach(() => h.el.remove());

  it('shows a closed help panel with tel: links, hours, time limits and notes, all as text', async () => {
    const help = h.$('details[part="help"]') as HTMLDetailsElement;
    ok(help, 'a <details part="help">');
    equal(help.open, false);
    equal(help.querySelector('summary')?.textContent, '办事指南与咨询');
    const links = [...help.querySelectorAll('a')].map((a) => [a.getAttribute('href'), a.textContent]);
    deepEqual(links, [
      ['tel:0631-5198106', '0631-5198106'],
      ['tel:12345', '12345'],
    ]);
    includes(help.textContent, '工作日 8:30-12:00');
    includes(help.textContent, '（区号）');
    includes(help.textContent, '收到申请后1个工作日内完成审核。');
    includes(help.textContent, '本申请表将根据工作实际适时调整。');
    // The schema's markup is text: no <img> element, the javascript: "phone" is no link.
    equal(help.querySelectorAll('img').length, 0);
    includes(help.textContent, '<img src=x onerror=alert(1)>');
    includes(help.textContent, 'javascript:alert(1)');
    for (const a of h.root.querySelectorAll('a[href]')) ok(/^(tel:|https:|mailto:|#)/.test(a.getAttribute('href') ?? ''), a.getAttribute('href') ?? '');
    ok(help.querySelector('slot[name="help"]'), 'a help slot for the host');
  });

  it('names the department and time limit of each ticked service in the help panel and before submit', async () => {
    await h.tick('yb-services');
    const help = h.$('[part="help"]');
    includes(help?.textContent, '社会保障卡申领：人力资源和社会保障局');
    includes(help?.textContent, '社会保障卡申领：5个工作日');
    includes(h.$('[part="recipients"]')?.textContent, '人力资源和社会保障局（社会保障卡申领）');
    h.el.lang = 'en';
    await h.settle();
    includes(h.$('[part="help"]')?.textContent, 'Social security card: Human resources bureau');
    includes(h.$('[part="recipients"]')?.textContent, 'When you submit, your answers go to:');
  });

  it('explains a mutual exclusion under the services as soon as both are ticked, before any submit', async () => {
    const conflicts = h.$('.conflicts');
    ok(conflicts);
    equal(conflicts.getAttribute('aria-live'), 'polite', 'a live region that exists before the message');
    await h.tick('yb-services-1');
    equal(conflicts.textContent?.trim(), '');
    await h.tick('yb-services-2');
    includes(h.$('.conflicts')?.textContent, '“住房公积金个人账户设立”与“住房公积金转移”为互斥业务，只能选择办理其中一项');
    includes(h.$('fieldset.section--services')?.getAttribute('aria-describedby'), 'yb-services-conflicts');
    equal(h.$('[part="error-summary"]'), null, 'no submit happened');
    // The message sits under the checkboxes, where the person ticks.
    const options = h.$('fieldset.section--services .options');
    ok(options && options.compareDocumentPosition(h.$('.conflicts') as Node) & Node.DOCUMENT_POSITION_FOLLOWING);
    await h.tick('yb-services-2');
    equal(h.$('.conflicts')?.textContent?.trim(), '');
  });

  it('fills 性别 and 出生年月 from a valid ID number when they are empty', async () => {
    await h.type('yb-applicant-idNumber', ID);
    equal(h.control('yb-applicant-sex-1').checked, true, '女 from the even 17th digit');
    equal(h.control('yb-applicant-birthMonth').value, '1949-12');
    deepEqual([(h.el.data.applicant as Record<string, unknown>).sex, (h.el.data.applicant as Record<string, unknown>).birthMonth], ['2', '1949-12']);
  });

  it('never overwrites a chosen 性别: a contradiction is the validator’s error', async () => {
    await h.tick('yb-applicant-sex'); // 男
    await h.type('yb-applicant-idNumber', ID);
    equal(h.control('yb-applicant-sex').checked, true, 'still 男');
    equal((h.el.data.applicant as Record<string, unknown>).sex, '1');
    equal(h.control('yb-applicant-birthMonth').value, '1949-12', 'the empty field is still filled');
    const result = h.el.validate();
    ok(result.errors.some((e) => e.path === '/applicant/sex' && e.code === 'E_ID_SEX_MISMATCH'));
    await h.settle();
    includes(h.errorOf('yb-applicant-sex'), '“性别”与证件号码中的性别不一致');
  });

  it('cascades 省 → 市 → 县 and clears the levels below a change', async () => {
    const province = h.select('yb-applicant-home');
    deepEqual([...province.options].map((o) => o.textContent), ['请选择', '山东省', '广东省']);
    equal(h.select('yb-applicant-home-city').disabled, true, 'no city before a province');
    await h.choose('yb-applicant-home', '370000');
    deepEqual([...h.select('yb-applicant-home-city').options].map((o) => o.value), ['', '370100', '371000']);
    await h.choose('yb-applicant-home-city', '371000');
    deepEqual([...h.select('yb-applicant-home-county').options].map((o) => o.textContent), ['请选择', '环翠区', '威海火炬高技术产业开发区']);
    await h.choose('yb-applicant-home-county', '371071');
    await h.type('yb-applicant-home-detail', '文化西路2号');
    deepEqual((h.el.data.applicant as Record<string, unknown>).home, { province: '370000', city: '371000', county: '371071', detail: '文化西路2号' });
    await h.choose('yb-applicant-home', '440000');
    deepEqual((h.el.data.applicant as Record<string, unknown>).home, { province: '440000', detail: '文化西路2号' }, 'city and county cleared');
    equal(h.select('yb-applicant-home-county').disabled, true);
    await h.choose('yb-applicant-home-city', '441900');
    equal(h.select('yb-applicant-home-county').disabled, true, '东莞市 has no county level');
    await h.choose('yb-applicant-home-city', '');
    deepEqual((h.el.data.applicant as Record<string, unknown>).home, { province: '440000', detail: '文化西路2号' });
  });

  it('labels each level, in both languages, and names each control by its visible label', async () => {
    const names = (ids: string[]) => ids.map((id) => h.control(id).labels?.[0]?.textContent);
    const ids = ['yb-applicant-home', 'yb-applicant-home-city', 'yb-applicant-home-county', 'yb-applicant-home-detail'];
    deepEqual(names(ids), ['省', '市', '县（市、区）', '详细地址']);
    equal(h.$('[data-path="/applicant/home"] legend')?.textContent?.replace('*', ''), '户籍地址');
    equal(h.root.getElementById('yb-applicant-workplace-detail'), null, 'a region has no detail line');
    h.el.lang = 'en';
    await h.settle();
    deepEqual(names(ids), ['Province', 'City', 'County', 'Street address']);
  });

  it('reports a missing level at the picker and links the summary to it', async () => {
    await h.tick('yb-services');
    await h.choose('yb-applicant-home', '370000');
    await h.el.submit();
    await h.settle();
    includes(h.errorOf('yb-applicant-home'), '户籍地址');
    const link = [...h.$$('[part="error-summary"] a')].find((a) => a.dataset.target === 'yb-applicant-home');
    ok(link, 'a summary link to the picker');
    equal(h.select('yb-applicant-home').getAttribute('aria-invalid'), 'true');
  });

  it('falls back to code inputs with a hint when the form has no division tree', async () => {
    const other = await FormHarness.mount('yibiao-full-nodiv', { 'no-draft': '' });
    try {
      const input = other.control('yb-applicant-home');
      equal(input.tagName, 'INPUT');
      equal(input.labels?.[0]?.textContent, '省');
      includes(other.root.getElementById('yb-applicant-home-codes')?.textContent, '6 位行政区划代码');
      includes(input.getAttribute('aria-describedby'), 'yb-applicant-home-codes');
      await other.type('yb-applicant-home', '370000');
      await other.type('yb-applicant-home-city', '370100');
      deepEqual((other.el.data.applicant as Record<string, unknown>).home, { province: '370000', city: '370100' });
    } finally {
      other.el.remove();
    }
  });
});

describe('materials and attachments', () => {
  beforeEach(async () => {
    h = await FormHarness.mount('yibiao-full', { 'no-draft': '' });
  });
  afterEach(() => h.el.remove());

  it('offers an upload for each online material of the ticked services and a counter note for offline-only ones', async () => {
    deepEqual(
      h.$$('[data-material]').map((m) => m.dataset.material),
      ['identityDocument'],
      'only the always-needed upload before ticking; data-sharing-only materials are not asked for',
    );
    await h.tick('yb-services');
    deepEqual(h.$$('[data-material]').map((m) => m.dataset.material), ['cardPhoto', 'identityDocument']);
    equal(h.control('yb-material-cardPhoto').labels?.[0]?.textContent, '制卡人照片');
    includes(h.root.getElementById('yb-material-cardPhoto-hint')?.textContent, '358×441 px，350 DPI');
    equal(h.control('yb-material-cardPhoto').getAttribute('aria-required'), 'true');
    equal(h.control('yb-material-identityDocument').getAttribute('aria-required'), null, 'data sharing can provide it');
    await h.tick('yb-services-1');
    includes(h.$('.offline')?.textContent, '请携带至窗口');
    includes(h.$('.offline')?.textContent, '劳动合同原件');
    equal(h.$('[data-material="paperContract"]'), null, 'no upload slot for a counter-only paper');
    h.el.lang = 'en';
    await h.settle();
    includes(h.$('.offline')?.textContent, 'Bring to the counter');
  });

  it('refuses a photo that misses the spec with a message naming what to fix, then takes one that meets it', async () => {
    await h.tick('yb-services');
    await h.pick('yb-material-cardPhoto', [fileOf(buildJpeg({ width: 400, height: 500, size: 40_000 }), 'big.jpg', 'image/jpeg')]);
    equal(h.errorOf('yb-material-cardPhoto'), '错误：照片须为 358×441 像素（宽×高），当前为 400×500 像素');
    equal(h.control('yb-material-cardPhoto').getAttribute('aria-invalid'), 'true');
    equal(h.$$('[data-material="cardPhoto"] .file').length, 0);
    await h.pick('yb-material-cardPhoto', [fileOf(await withGpsExif(PHOTO_OK()), 'me.jpg', 'image/jpeg')]);
    equal(h.errorOf('yb-material-cardPhoto'), undefined);
    equal(h.$('[data-material="cardPhoto"] .file__name')?.textContent, 'me.jpg');
    const img = h.$('[data-material="cardPhoto"] img') as HTMLImageElement;
    ok(img.src.startsWith('blob:'), 'an object URL preview');
    equal(img.alt, '');
    ok((await fetch(img.src)).ok, 'the preview URL is live');
    (h.$('[data-material="cardPhoto"] [part="remove"]') as HTMLButtonElement).click();
    await h.settle();
    await rejects(fetch(img.src), 'the preview URL was revoked');
    equal(h.$$('[data-material="cardPhoto"] .file').length, 0);
  });

  it('takes files dropped on the slot, and a file field records its digest as its value', async () => {
    await h.tick('yb-services');
    const changed = h.next('yibiao-change');
    drop(h.$('[data-material="identityDocument"] .dropzone') as Element, [fileOf(buildPdf(), 'id.pdf', 'application/pdf')]);
    await changed;
    await h.settle();
    equal(h.$('[data-material="identityDocument"] .file__name')?.textContent, 'id.pdf');
    await h.pick('yb-card-statement', [fileOf(buildPdf(), 'id.pdf', 'application/pdf')]);
    const statement = (h.el.data.card as Record<string, unknown>).statement as Record<string, unknown>;
    deepEqual(Object.keys(statement), ['name', 'mediaType', 'size', 'sha256']);
    equal(statement.name, 'id (2).pdf', 'names stay unique within a submission');
    equal(statement.sha256, await sha256Hex(buildPdf()));
  });

  it('requires the photo on submit, with a summary link to the file input', async () => {
    await fillValid();
    await h.tick('yb-services');
    await h.type('yb-card-bank', '工商银行');
    const invalid = h.next('yibiao-invalid');
    await h.el.submit();
    const event = await invalid;
    deepEqual(event.detail.errors.map((e) => e.code), ['E_FILE_REQUIRED']);
    await h.settle();
    const links = h.$$('[part="error-summary"] a').map((a) => [a.dataset.target, a.textContent?.trim()]);
    deepEqual(links, [['yb-material-cardPhoto', '请上传“制卡人照片”']]);
    (h.$('[part="error-summary"] a') as HTMLAnchorElement).click();
    await h.settle();
    equal(h.root.activeElement?.id, 'yb-material-cardPhoto');
  });

  it('submits the stripped files with their SHA-256 in the signed payload, and shows a receipt', async () => {
    await fillValid();
    await h.tick('yb-services');
    await h.type('yb-card-bank', '工商银行');
    const tagged = await withGpsExif(PHOTO_OK());
    await h.pick('yb-material-cardPhoto', [fileOf(tagged, 'me.jpg', 'image/jpeg')]);
    await h.pick('yb-card-statement', [fileOf(buildPdf(), 'bank.pdf', 'application/pdf')]);
    const submitted = h.next('yibiao-submit');
    const result = await h.el.submit();
    ok(result.valid, JSON.stringify(result));
    const { detail } = await submitted;
    deepEqual(detail.files.map((f) => [f.name, f.mediaType]), [
      ['me.jpg', 'image/jpeg'],
      ['bank.pdf', 'application/pdf'],
    ]);
    const photo = detail.files[0];
    ok(photo && !hasApp1(photo.bytes), 'EXIF/GPS never leaves the browser');
    deepEqual([...photo.bytes], [...PHOTO_OK()]);
    for (const [i, f] of detail.files.entries()) {
      const ref = detail.payload.attachments[i];
      deepEqual([ref?.name, ref?.size, ref?.sha256], [f.name, f.bytes.length, await sha256Hex(f.bytes)]);
    }
    deepEqual(detail.payload.attachments.map((a) => a.field), ['cardPhoto', 'bankStatement']);
    equal((detail.payload.data.card as Record<string, Record<string, unknown>>).statement?.sha256, detail.payload.attachments[1]?.sha256);
    // The receipt: title, services, time, nonce and the digest of the signed payload bytes.
    await h.settle();
    const receipt = h.$('[part="receipt"]');
    ok(receipt);
    equal(h.root.activeElement, receipt, 'the receipt takes focus');
    includes(receipt.textContent, '全功能演示申请表');
    includes(receipt.textContent, '社会保障卡申领');
    includes(receipt.textContent, detail.payload.nonce);
    includes(receipt.textContent, await sha256Hex(canonicalBytes(detail.payload)));
    includes(receipt.textContent, '(UTC+8)');
    let printed = 0;
    const original = window.print;
    window.print = () => {
      printed += 1;
    };
    try {
      (h.$('[part="print"]') as HTMLButtonElement).click();
    } finally {
      window.print = original;
    }
    equal(printed, 1);
  });

  it('prints like the paper form: bordered sections, label and value side by side, no buttons or hints', async () => {
    await fillValid();
    await h.tick('yb-services');
    const field = h.$('[data-path="/applicant/name"]') as HTMLElement;
    const screenDisplay = getComputedStyle(field).display;
    await emulateMedia({ media: 'print' });
    try {
      equal(getComputedStyle(field).display, 'grid');
      const columns = getComputedStyle(field).gridTemplateColumns.split(' ');
      equal(columns.length, 2, 'label column and value column');
      const section = h.$('fieldset[data-section="applicant"]') as HTMLElement;
      deepEqual([getComputedStyle(section).borderTopStyle, getComputedStyle(section).borderTopWidth], ['solid', '1px']);
      for (const selector of ['[part="actions"]', '[part="help"]', '.hint', '.dropzone', '[part="recipients"]']) {
        const node = h.$(selector);
        if (node) equal(getComputedStyle(node).display, 'none', `${selector} hidden in print`);
      }
      equal(getComputedStyle(h.control('yb-applicant-name')).borderTopStyle, 'none', 'values print as text, not boxes');
      equal(getComputedStyle(h.control('yb-services-1').closest('.option') as Element).display, 'none', 'an unticked service is left out');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    equal(getComputedStyle(field).display, screenDisplay);
  });

  it('is themed by tokens and parts only: page CSS does not reach in, the widget’s CSS does not leak out', async () => {
    const style = document.createElement('style');
    style.textContent = `
      input, label, select { color: rgb(255, 0, 0) !important; border: 9px dotted rgb(255, 0, 0) !important; }
      yibiao-full { --yibiao-color-primary: rgb(1, 2, 3); --yibiao-font-family: monospace; }
      yibiao-full::part(submit) { text-transform: uppercase; }
    `;
    document.head.append(style);
    const outside = document.createElement('input');
    outside.className = 'input';
    document.body.append(outside);
    try {
      await h.settle();
      const inside = h.control('yb-applicant-name');
      equal(getComputedStyle(inside).borderTopStyle, 'solid', 'the page’s input rule does not restyle the field');
      equal(getComputedStyle(inside).borderTopWidth, '2px');
      const submit = h.$('[part="submit"]') as HTMLElement;
      equal(getComputedStyle(submit).backgroundColor, 'rgb(1, 2, 3)', 'the primary colour token');
      equal(getComputedStyle(submit).textTransform, 'uppercase', '::part(submit)');
      includes(getComputedStyle(inside).fontFamily, 'monospace', 'the font token');
      equal(getComputedStyle(outside).borderTopWidth, '9px', 'the widget’s .input rule stays in its shadow root');
    } finally {
      style.remove();
      outside.remove();
    }
  });

  it('readonly shows files without letting them change', async () => {
    await h.tick('yb-services');
    await h.pick('yb-material-identityDocument', [fileOf(buildPdf(), 'id.pdf')]);
    h.el.readonly = true;
    await h.settle();
    equal(h.control('yb-material-identityDocument').disabled, true);
    equal(h.$('[part="remove"]'), null);
    notEqual(h.$('[data-material="identityDocument"] .file__name'), null);
  });
});
