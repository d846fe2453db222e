/**
 * Strict CSP: the page is served with `Content-Security-Policy: script-src 'self'`.
 * Pass = the form renders (the target input takes text), validates (typing a
 * character that breaks the field's rule shows its error) and the page
 * reports no CSP violation.
 */
import type { Browser } from 'puppeteer-core';
import type { HarnessConfig } from '../browser/harness.js';
import { openSession } from '../browser/session.js';
import type { FormSpec } from '../build/form-spec.js';
import { LIMITS, RUNS } from '../lib/config.js';

export interface CspResult {
  readonly pass: boolean;
  readonly rendered: boolean;
  readonly validated: boolean;
  readonly violations: readonly string[];
  readonly errors: readonly string[];
}

export async function measureCsp(browser: Browser, harness: string, config: HarnessConfig, url: string, spec: FormSpec): Promise<CspResult> {
  const session = await openSession(browser, harness, config);
  const { page } = session;
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e).slice(0, 200)));
  try {
    await page.goto(url, { waitUntil: 'load', timeout: LIMITS.cspMs }).catch(() => undefined);
    const char = spec.target?.probeChar ?? '1';
    let rendered = await page.evaluate((c) => window.__bench?.ready(c) ?? false, LIMITS.cspMs).catch(() => false);
    if (rendered) {
      await page.keyboard.sendCharacter(char);
      rendered = (await page.evaluate((c) => window.__bench?.valueContains(c) ?? null, char).catch(() => null)) !== null;
    }
    let validated = false;
    if (rendered) {
      await page.evaluate(() => window.__bench?.blurTarget());
      await page.evaluate(() => window.__bench?.focusTarget());
      await page.evaluate(() => window.__bench?.arm());
      await page.keyboard.press('2');
      const rec = await page.evaluate((q, c) => window.__bench?.waitQuiet(q, c), RUNS.quietMs, LIMITS.keyMs).catch(() => undefined);
      validated = rec?.error !== null && rec?.error !== undefined;
    }
    const violations = (await page.evaluate(() => window.__bench?.violations ?? []).catch(() => [])) as string[];
    return { pass: rendered && validated && violations.length === 0, rendered, validated, violations: [...new Set(violations)], errors };
  } finally {
    await session.close();
  }
}
