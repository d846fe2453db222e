/**
 * The designer (demo/index.html) in real Chromium, driven as a designer would:
 * pick Guangxi, rename a field, add an option, break the schema, load an
 * invalid example, submit and verify — and screenshots in both languages.
 * The vite dev server (with the designerApi plugin) runs in this process.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import path from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/forms.js';
import { type DesignerFixture, designerFixture } from './form-fixture.js';

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const FORM = 'guangxi';
const SCREENSHOTS = path.join(ROOT, 'docs', 'screenshots');
const NEW_OPTION = { value: 'designerAdded', title: '设计器新增选项' };

let server: ViteDevServer;
let browser: Browser;
let page: Page;
let fixture: DesignerFixture;
/** form.schema.json as the test has edited it so far (to know which line a problem is on). */
let schemaText: string;
const latencies: number[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const status = () => page.$eval('#compile-status', (e) => ({ version: Number((e as HTMLElement).dataset.version), state: (e as HTMLElement).dataset.state ?? '', text: e.textContent ?? '' }));

/** Waits until the compile status shows a version after `version` (or, with `failed`, a failed compile). */
async function nextVersion(version: number, expected: 'shown' | 'failed' = 'shown'): Promise<void> {
  await page.waitForFunction(
    (v, state) => {
      const e = document.getElementById('compile-status');
      return state === 'failed' ? e?.dataset.state === 'failed' : Number(e?.dataset.version) > v && e?.dataset.state === 'shown';
    },
    { timeout: 60_000 },
    version,
    expected,
  );
}

/**
 * Edits the open file the way a designer does without a mouse: Ctrl+F, the
 * text, Enter (selects it), Escape (back in the editor, the text selected),
 * then types the replacement over it (as one text input, like a paste).
 */
async function replaceInEditor(search: string, replacement: string, expected: 'shown' | 'failed' = 'shown'): Promise<number> {
  const before = (await status()).version;
  await page.focus('.cm-content');
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyF');
  await page.keyboard.up('Control');
  await page.waitForSelector('.find-bar:not([hidden]) .find-input');
  await page.keyboard.type(search);
  await page.keyboard.press('Enter');
  expect(await page.$eval('.find-status', (e) => e.textContent)).toMatch(/1/);
  await page.keyboard.press('Escape');
  expect(await page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);
  const started = Date.now();
  if (replacement === '') await page.keyboard.press('Backspace');
  else await page.keyboard.sendCharacter(replacement);
  schemaText = schemaText.replace(search, replacement);
  await nextVersion(before, expected);
  const elapsed = Date.now() - started;
  if (expected === 'shown') latencies.push(elapsed);
  return elapsed;
}

/** The preview frame on show (a fresh sandboxed iframe per compiled version). */
async function previewFrame(): Promise<Frame> {
  const handle = await page.waitForSelector('.preview-frame:not(.incoming)');
  const frame = await handle?.contentFrame();
  if (!frame) throw new Error('no preview frame');
  return frame;
}

/** Text and controls of the widget's shadow DOM. */
async function widget(): Promise<{ tag: string; lang: string; text: string; values: string[]; errors: string[] }> {
  const frame = await previewFrame();
  return frame.evaluate(() => {
    const element = document.body.firstElementChild;
    const root = element?.shadowRoot;
    return {
      tag: element?.localName ?? '',
      lang: element?.getAttribute('lang') ?? '',
      text: root?.textContent ?? '',
      values: [...(root?.querySelectorAll('input[value], option[value]') ?? [])].map((e) => e.getAttribute('value') ?? ''),
      errors: [...(root?.querySelectorAll('[part~="error-message"]') ?? [])].map((e) => e.textContent?.trim() ?? '').filter(Boolean),
    };
  });
}

async function openInspector(tab: 'examples' | 'parity' | 'payload' | 'export'): Promise<void> {
  await page.click(`#inspector-tab-${tab}`);
}

async function loadExample(file: string): Promise<void> {
  await openInspector('examples');
  await page.select('#example-select', file);
  await page.click('#example-load');
  await page.waitForSelector('.example-verdict');
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium, or set CHROME_PATH)`);
  fixture = designerFixture(FORM);
  schemaText = fixture.schemaText;
  const port = await freePort();
  server = await createServer({
    configFile: path.join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    // Other engineers edit the checkout while tests run: no reloads under the test's feet.
    server: { host: '127.0.0.1', port, strictPort: true, hmr: false, watch: null },
  });
  await server.listen();
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await browser.newPage();
  await page.setViewport({ width: 1366, height: 768 });
  await page.goto(`http://127.0.0.1:${port}/demo/?form=shandong`);
  await page.waitForFunction(() => Number(document.getElementById('compile-status')?.dataset.version) >= 1, { timeout: 90_000 });
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (latencies.length > 0) console.info(`designer: edit → new preview shown, measured by the test: ${latencies.join(' ms, ')} ms`);
});

describe('the designer', () => {
  it(`picks ${FORM} from the form menu with the keyboard; Escape closes the menu`, async () => {
    await page.focus('#form-picker');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#form-picker-menu', (e) => (e as HTMLElement).hidden)).toBe(false);
    await page.keyboard.press('Escape');
    expect(await page.$eval('#form-picker-menu', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-picker');

    const before = (await status()).version;
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 10 && (await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.item)) !== FORM; i++) {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await nextVersion(before);
    expect(await page.$eval('#form-picker', (e) => e.textContent)).toContain(FORM);
    expect((await widget()).tag).toBe(`yibiao-${FORM}`);
  }, 90_000);

  it('renames a field title and the preview shows the new title, keeping the data typed', async () => {
    const frame = await previewFrame();
    // Something typed into the preview must survive the next version.
    const input = await frame.waitForSelector('pierce/input[type="text"]');
    await input?.type('保留的数据');
    const renamed = `申请人${fixture.fieldTitle}`;
    await replaceInEditor(`"title": "${fixture.fieldTitle}"`, `"title": "${renamed}"`);
    const shown = await widget();
    expect(shown.text).toContain(renamed);
    expect(await (await previewFrame()).$eval('pierce/input[type="text"]', (e) => (e as HTMLInputElement).value)).toBe('保留的数据');
  }, 90_000);

  it('adds an option to a closed list and the preview offers it', async () => {
    const last = `"title": "${fixture.lastOptionTitle}"`;
    await replaceInEditor(last, `${last} }, { "const": "${NEW_OPTION.value}", "title": "${NEW_OPTION.title}"`);
    const shown = await widget();
    expect(shown.values).toContain(NEW_OPTION.value);
    expect(shown.text).toContain(NEW_OPTION.title);
  }, 90_000);

  it('marks a schema error at its JSON pointer, on its line, with the fix in the tooltip', async () => {
    const title = `"title": "申请人${fixture.fieldTitle}"`;
    await replaceInEditor(title, `${title}, "yibiaoTypo": true`, 'failed');
    const line = schemaText.split('\n').findIndex((l) => l.includes('"yibiaoTypo"')) + 1;
    await page.waitForSelector('.cm-lintRange-error');
    const marked = await page.$$eval('.cm-lintRange-error', (spans) =>
      spans.map((span) => {
        const top = span.closest('.cm-line')?.getBoundingClientRect().top ?? -1;
        const number = [...document.querySelectorAll('.cm-lineNumbers .cm-gutterElement')].find((g) => Math.abs(g.getBoundingClientRect().top - top) < 2);
        const marker = [...document.querySelectorAll('.cm-gutter-lint .cm-gutterElement')].find((g) => Math.abs(g.getBoundingClientRect().top - top) < 2);
        return { text: span.textContent, line: Number(number?.textContent), gutter: marker?.querySelector('.cm-lint-marker-error') !== null && marker !== undefined };
      }),
    );
    expect(marked).toContainEqual({ text: '"yibiaoTypo"', line, gutter: true });
    const problems = await page.$$eval('.problem', (items) => items.map((i) => i.textContent ?? ''));
    expect(problems.some((p) => p.includes('E_SCHEMA_UNKNOWN_KEYWORD') && p.includes(`form.schema.json:${line}`) && p.includes('/yibiaoTypo'))).toBe(true);

    await page.hover('.cm-lintRange-error');
    const tooltip = await page.waitForSelector('.cm-tooltip-lint');
    const tip = (await tooltip?.evaluate((e) => e.textContent)) ?? '';
    expect(tip).toContain('yibiaoTypo');
    expect(tip).toContain('修改: remove "yibiaoTypo"');

    await replaceInEditor(', "yibiaoTypo": true', '');
    expect(await page.$$('.cm-lintRange-error')).toHaveLength(0);
  }, 90_000);

  it('loads an invalid example and shows its expected error beside the actual one', async () => {
    const { file, expect: expected } = fixture.invalidExample;
    await loadExample(`invalid/${file}`);
    expect(await page.$eval('.example-verdict', (e) => (e as HTMLElement).dataset.asExpected)).toBe('true');
    const rows = await page.$$eval('.grid.expected tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    for (const e of expected) expect(rows.some((r) => r.includes(e.path) && r.includes(e.keyword) && r.includes('✓'))).toBe(true);
    await page.waitForFunction(() => document.querySelector('.grid.actual tbody tr') !== null);
    await (await previewFrame()).waitForSelector('pierce/[part~="error-message"]');
    expect((await widget()).errors.length).toBeGreaterThan(0);
  }, 90_000);

  it('submits in the preview and the payload verifies (verify: ok), split per department', async () => {
    await loadExample(`valid/${fixture.validExample}`);
    expect(await page.$eval('.example-verdict', (e) => (e as HTMLElement).dataset.asExpected)).toBe('true');
    const submit = await (await previewFrame()).waitForSelector('pierce/button[part~="submit"]');
    await submit?.click();
    const result = await page.waitForSelector('.verify-result', { timeout: 30_000 });
    expect(await result?.evaluate((e) => (e as HTMLElement).dataset.ok)).toBe('true');
    expect(await result?.evaluate((e) => e.textContent)).toContain('verify: ok');
    expect(await page.$eval('.payload-body', (e) => e.textContent)).toContain('yibiao-submission');
    const departments = await page.$$eval('.department', (items) => items.map((i) => i.textContent ?? ''));
    expect(departments.length).toBeGreaterThan(0);
    for (const d of departments) expect(d).toContain('verifyPart: ok');
  }, 90_000);

  it('keeps rjsf and the compiled validator in agreement on that data', async () => {
    await openInspector('parity');
    expect(await page.$eval('.parity-verdict', (e) => (e as HTMLElement).dataset.disagreements)).toBe('0');
  }, 30_000);

  it('exports the module with an embed snippet whose SRI is the module’s SHA-384', async () => {
    await openInspector('export');
    await page.waitForFunction(() => (document.getElementById('export-snippet') as HTMLTextAreaElement | null)?.value.startsWith('<script'), { timeout: 30_000 });
    const snippet = await page.$eval('#export-snippet', (e) => (e as HTMLTextAreaElement).value);
    expect(snippet).toMatch(new RegExp(`<script type="module" src="/widget/dist/${FORM}\\.js" integrity="sha384-[A-Za-z0-9+/]{64}" crossorigin="anonymous"></script>`));
    expect(snippet).toContain(`<yibiao-${FORM}`);
    // The module the download gives, hashed here: the snippet pins exactly it.
    const versionId = await page.$eval('#export-snippet', (e) => (e.closest('[data-version-id]') as HTMLElement).dataset.versionId);
    const module = await (await fetch(`${server.resolvedUrls?.local[0]}__designer/widget/${versionId}.js`)).arrayBuffer();
    expect(snippet).toContain(`integrity="sha384-${createHash('sha384').update(Buffer.from(module)).digest('base64')}"`);
    expect(Buffer.from(module).toString('utf8')).not.toContain('yibiao-designer-runtime');
  }, 60_000);

  it('saves screenshots of the designer in Chinese and in English', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await openInspector('payload');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'designer-zh-CN.png') });
    expect(await page.$eval('#editor-heading', (e) => e.textContent)).toBe('结构编辑器');

    await page.click('[data-ui-lang="en"]');
    await page.click('.preview-panel button[data-lang="en"]');
    await (await previewFrame()).waitForFunction(() => document.body.firstElementChild?.getAttribute('lang') === 'en');
    expect(await page.$eval('#editor-heading', (e) => e.textContent)).toBe('Schema editor');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'designer-en.png') });
  }, 30_000);
});
