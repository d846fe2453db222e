// Browser tests in real Chromium (Debian's /usr/bin/chromium; no browser download).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { build } from 'esbuild';
import { CHROMIUM_FLAGS } from './scripts/chromium.mjs';

const ROOT = process.cwd();

/**
 * `executeServerCommand('yibiao-verify', { token })`: runs the real CLI,
 * `yibiao verify - --json`, on a token made in the browser.
 * `executeServerCommand('yibiao-forms')`: the built forms — every
 * `widget/dist/<id>.js` with a `dist/forms/<id>/model.json` — as
 * `[{ id, model, examples }]` (examples: `forms/<id>/examples/valid/*.json`),
 * so the e2e suites cover whichever forms exist when they run.
 */
const yibiaoCli = {
  name: 'yibiao-cli',
  executeCommand({ command, payload }) {
    if (command === 'yibiao-forms') {
      const dir = path.join(ROOT, 'widget', 'dist');
      if (!existsSync(dir)) return [];
      return readdirSync(dir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => f.slice(0, -3))
        .filter((id) => existsSync(path.join(ROOT, 'dist', 'forms', id, 'model.json')))
        .sort()
        .map((id) => {
          const valid = path.join(ROOT, 'forms', id, 'examples', 'valid');
          const examples = existsSync(valid)
            ? readdirSync(valid)
                .filter((f) => f.endsWith('.json'))
                .sort()
                .map((f) => ({ name: f, data: JSON.parse(readFileSync(path.join(valid, f), 'utf8')) }))
            : [];
          return { id, model: JSON.parse(readFileSync(path.join(ROOT, 'dist', 'forms', id, 'model.json'), 'utf8')), examples };
        });
    }
    if (command !== 'yibiao-verify') return undefined;
    const run = spawnSync(process.execPath, ['bin/yibiao.js', 'verify', '-', '--json'], { input: payload.token, encoding: 'utf8', timeout: 30_000 });
    return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
  },
};

/**
 * The embedding examples import React and Vue, which are CommonJS or need
 * bundling: `/widget/examples/<name>/main.bundle.js` is `main.(tsx|ts|js)`
 * bundled by esbuild on request — what widget/README.md tells an integrator to run.
 */
const exampleBundles = {
  name: 'yibiao-example-bundles',
  async serve(context) {
    const m = /^\/widget\/examples\/([a-z0-9-]+)\/main\.bundle\.js$/.exec(context.path);
    if (m === null) return undefined;
    const dir = path.join(ROOT, 'widget', 'examples', m[1]);
    const entry = ['main.tsx', 'main.ts', 'main.js'].map((f) => path.join(dir, f)).find((f) => existsSync(f));
    if (entry === undefined) return undefined;
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      minify: true,
      jsx: 'automatic',
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"', __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
    });
    return { body: result.outputFiles[0].text, type: 'js' };
  },
};

/** The page the first e2e test frames; served with the strict CSP a government site uses (SECURITY.md §2 "CSP"). */
const CSP_PAGE = '/tests/e2e/fixtures/csp.html';
const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

/**
 * `/tests/e2e/fixtures/form/<id>.html`: a host page with nothing but the
 * form's module and its element, under the strictest policy the widget must
 * live with (SECURITY.md §2 "CSP", "Trusted Types"; §3 cases 10, 11, 24):
 * scripts and styles from our origin only, no eval, Trusted Types enforced
 * with only Lit's policy allowed, and no connection anywhere (`connect-src
 * 'none'`): the widget may fetch nothing of its own.
 */
const FORM_PAGE = /^\/tests\/e2e\/fixtures\/form\/([a-z0-9+-]+)\.html$/;
const FORM_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html 'allow-duplicates'",
].join('; ');

/** The examples run under the same policy, minus Trusted Types for React and Vue's own DOM writes. */
const EXAMPLE_PAGE = /^\/widget\/examples\/[a-z0-9-]+\/index\.html$/;
const EXAMPLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; connect-src 'none'; object-src 'none'; base-uri 'none'";

export default {
  files: ['tests/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 300_000,
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [...CHROMIUM_FLAGS],
      },
    }),
  ],
  plugins: [exampleBundles, esbuildPlugin({ ts: true, target: 'es2022' }), yibiaoCli],
  middleware: [
    /**
     * `form/<id>.html` (or `form/<a>+<b>.html`: two forms, two Lit copies, one page);
     * `?no-draft`, `?draft-key=<key>` set those attributes;
     * `?tt=no-lit` replaces `lit-html` by another policy name, which must fail closed
     * (a slow classic script first gives the test time to hook the page).
     */
    async function formPages(ctx, next) {
      const m = FORM_PAGE.exec(ctx.path);
      if (m === null) return next();
      const ids = m[1].split('+');
      // `?no-draft` and `?draft-key=<a-z0-9->` become the element's attributes.
      const key = /^[a-z0-9-]+$/.test(String(ctx.query['draft-key'] ?? '')) ? ` draft-key="${ctx.query['draft-key']}"` : '';
      const attributes = `${'no-draft' in ctx.query ? ' no-draft' : ''}${key}`;
      const csp = ctx.query.tt === 'no-lit' ? FORM_CSP.replace("trusted-types lit-html 'allow-duplicates'", 'trusted-types other-policy') : FORM_CSP;
      ctx.set('Content-Security-Policy', csp);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'html';
      ctx.body = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <title>yibiao — ${ids.join(' + ')} under strict CSP and Trusted Types</title>
${ctx.query.tt === 'no-lit' ? '    <script src="/tests/e2e/fixtures/delay.js"></script>\n' : ''}${ids.map((id) => `    <script type="module" src="/widget/dist/${id}.js"></script>`).join('\n')}
  </head>
  <body>
${ids.map((id) => `    <yibiao-${id}${attributes}></yibiao-${id}>`).join('\n')}
  </body>
</html>
`;
    },
    /** An empty classic script answered after 400 ms: holds the parser (and so the deferred module) until a test has hooked the page. */
    async function delayScript(ctx, next) {
      if (ctx.path !== '/tests/e2e/fixtures/delay.js') return next();
      await new Promise((resolve) => setTimeout(resolve, 400));
      ctx.type = 'js';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = '';
    },
    /** `outer.html?inner=<url>`: a page that frames `inner` — served from another host name, it is another origin. */
    async function outerPage(ctx, next) {
      if (ctx.path !== '/tests/e2e/fixtures/outer.html') return next();
      const inner = String(ctx.query.inner ?? '');
      if (!/^http:\/\/(localhost|127\.0\.0\.1):\d+\/tests\/e2e\/fixtures\/form\/[a-z0-9-]+\.html(\?no-draft)?$/.test(inner)) return next();
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>another site</title></head><body><iframe src="${inner}" width="900" height="700"></iframe></body></html>`;
    },
    async function strictCspPage(ctx, next) {
      await next();
      if (ctx.path === CSP_PAGE) {
        ctx.set('Content-Security-Policy', STRICT_CSP);
        ctx.set('Cache-Control', 'no-store');
      }
      if (EXAMPLE_PAGE.test(ctx.path)) {
        ctx.set('Content-Security-Policy', EXAMPLE_CSP);
        ctx.set('Cache-Control', 'no-store');
      }
    },
  ],
};
