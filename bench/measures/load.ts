/**
 * One cold page load: first interactive (navigation start → the target input
 * takes a character typed through CDP), then the JS heap after a forced GC,
 * then ticking a service until its section is visible and painted.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { HarnessConfig } from '../browser/harness.js';
import { heapAfterGc, openSession } from '../browser/session.js';
import type { FormSpec } from '../build/form-spec.js';
import { LIMITS } from '../lib/config.js';
import { sleep } from '../lib/stats.js';

export interface LoadRun {
  /** ms from navigation start; undefined when the input never took text. */
  readonly firstInteractive: number | undefined;
  readonly heapBytes: number | undefined;
  readonly toggleMs: number | undefined;
  readonly violations: readonly string[];
  readonly note?: string;
}

/**
 * Waits (in the page, without polling over CDP) until the target input is
 * focused, types a character through CDP (`Input.insertText`) and checks that
 * the input holds it; repeats until it does. Returns the page's
 * `performance.now()` at that moment (ms since navigation start) or undefined.
 */
export async function firstInteractive(page: Page, char: string, capMs: number): Promise<number | undefined> {
  const deadline = Date.now() + capMs;
  while (Date.now() < deadline) {
    const left = Math.max(1, deadline - Date.now());
    // Before the navigation commits this runs in the old document (no harness) or is cut short; then retry.
    const focused = await page.evaluate((c) => (window.__bench ? window.__bench.ready(c) : false), left).catch(() => false);
    if (focused) {
      await page.keyboard.sendCharacter(char);
      const at = await page.evaluate((c) => window.__bench?.valueContains(c) ?? null, char).catch(() => null);
      if (at !== null) return at;
    }
    await sleep(5);
  }
  return undefined;
}

/**
 * Measures one cold load.
 *
 * @param browser - the browser.
 * @param harness - the harness IIFE.
 * @param config - harness configuration for this renderer and form.
 * @param url - the page.
 * @param spec - the form.
 */
export async function measureLoad(browser: Browser, harness: string, config: HarnessConfig, url: string, spec: FormSpec): Promise<LoadRun> {
  const session = await openSession(browser, harness, config);
  const { page, cdp } = session;
  try {
    const navigation = page.goto(url, { waitUntil: 'load', timeout: LIMITS.firstInteractiveMs }).catch((e: unknown) => e);
    const fi = spec.target ? await firstInteractive(page, spec.target.probeChar, LIMITS.firstInteractiveMs) : undefined;
    await navigation;
    await page.evaluate((q, c) => window.__bench?.settle(q, c), 100, LIMITS.settleMs);
    const heapBytes = await heapAfterGc(cdp);
    let toggleMs: number | undefined;
    if (spec.toggle) {
      const ready = await page.evaluate((c) => window.__bench?.prepareToggle(c) ?? false, LIMITS.toggleMs);
      if (ready) toggleMs = (await page.evaluate((c) => window.__bench?.toggle(c) ?? null, LIMITS.toggleMs)) ?? undefined;
    }
    const violations = await page.evaluate(() => window.__bench?.violations ?? []);
    return { firstInteractive: fi, heapBytes, toggleMs, violations };
  } catch (error) {
    return { firstInteractive: undefined, heapBytes: undefined, toggleMs: undefined, violations: [], note: String(error).slice(0, 300) };
  } finally {
    await session.close();
  }
}
