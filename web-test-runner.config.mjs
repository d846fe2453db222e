// Browser tests in real Chromium (Debian's /usr/bin/chromium; no browser download).

import { spawnSync } from 'node:child_process';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

/**
 * `executeServerCommand('yibiao-verify', { token })`: runs the real CLI,
 * `yibiao verify - --json`, on a token made in the browser.
 */
const yibiaoCli = {
  name: 'yibiao-cli',
  executeCommand({ command, payload }) {
    if (command !== 'yibiao-verify') return undefined;
    const run = spawnSync(process.execPath, ['bin/yibiao.js', 'verify', '-', '--json'], { input: payload.token, encoding: 'utf8', timeout: 30_000 });
    return { exitCode: run.status, stdout: run.stdout, stderr: run.stderr };
  },
};

/** The page the e2e test frames; served with the strict CSP a government site uses (SECURITY.md §2 "CSP"). */
const CSP_PAGE = '/tests/e2e/fixtures/csp.html';
const STRICT_CSP = "script-src 'self'; object-src 'none'; base-uri 'none'";

export default {
  files: ['tests/**/*.browser.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022' }), yibiaoCli],
  middleware: [
    async function strictCspPage(ctx, next) {
      await next();
      if (ctx.path === CSP_PAGE) {
        ctx.set('Content-Security-Policy', STRICT_CSP);
        ctx.set('Cache-Control', 'no-store');
      }
    },
  ],
};
