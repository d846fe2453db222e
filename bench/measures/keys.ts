/**
 * A keystroke session: the page loads with every service ticked (all fields on
 * screen), the target field is focused, left (yibiao shows a field's errors
 * once it has been left) and focused again, then the key sequence is pressed
 * through CDP one key at a time. For each key the page reports key → next
 * paint and key → last DOM change (MutationObserver, 30 ms quiet period), the
 * value and the error text; the driver checks the value and that the error is
 * on screen exactly when the value breaks the field's rule, with the right
 * message. CDP `TaskDuration` over the session gives the main thread's busy time per key.
 */
import type { Browser } from 'puppeteer-core';
import type { HarnessConfig, RendererId } from '../browser/harness.js';
import { metric, openSession } from '../browser/session.js';
import type { FormSpec } from '../build/form-spec.js';
import { LIMITS, RUNS } from '../lib/config.js';
import type { CpuProfile } from '../report/cpuprofile.js';
import { firstInteractive } from './load.js';
import { afterKey, rightMessage, violates } from './oracle.js';

export interface KeySample {
  readonly paint: number;
  readonly work: number;
  readonly ok: boolean;
}

export interface KeySession {
  readonly samples: readonly KeySample[];
  readonly checked: number;
  readonly wrong: number;
  /** The first few wrong keys, for the report. */
  readonly failures: readonly string[];
  readonly timedOut: number;
  /** Main-thread busy time (CDP TaskDuration) over the session, per key, quiet periods and harness included. */
  readonly busyMsPerKey?: number;
  /** With `profile`: the CPU profile over the keys. */
  readonly profile?: CpuProfile;
  readonly note?: string;
}

/**
 * Runs one keystroke session.
 *
 * @param browser - the browser.
 * @param harness - the harness IIFE.
 * @param config - harness configuration.
 * @param url - the page (`?all=1` is added).
 * @param spec - the form (its target and key sequence).
 * @param renderer - which renderer (for the expected message).
 * @param options - `profile`: run Chrome's sampling profiler over the keys.
 */
export async function measureKeys(
  browser: Browser,
  harness: string,
  config: HarnessConfig,
  url: string,
  spec: FormSpec,
  renderer: RendererId,
  options: { readonly profile?: boolean } = {},
): Promise<KeySession> {
  const target = spec.target;
  if (!target) return { samples: [], checked: 0, wrong: 0, failures: [], timedOut: 0, note: 'no target field' };
  const session = await openSession(browser, harness, config);
  const { page, cdp } = session;
  const samples: KeySample[] = [];
  const failures: string[] = [];
  let checked = 0;
  let wrong = 0;
  let timedOut = 0;
  try {
    await page.goto(`${url}?all=1`, { waitUntil: 'load', timeout: LIMITS.firstInteractiveMs });
    if ((await firstInteractive(page, ' ', LIMITS.firstInteractiveMs)) === undefined) throw new Error('target input never took text');
    if (renderer === 'yibiao') {
      await page.evaluate(async (tag, services) => {
        const el = document.querySelector(tag) as (Element & { data: unknown; updateComplete: Promise<boolean> }) | null;
        if (el) el.data = { services };
        // Its rules (a lazy part) are in before the keys are checked against them.
        await el?.updateComplete;
      }, spec.tag, spec.services);
    }
    await page.evaluate((q, c) => window.__bench?.settle(q, c), 150, LIMITS.settleMs);
    // Clear the probe's space, leave the field once, come back.
    await page.evaluate(() => window.__bench?.focusTarget());
    await page.keyboard.press('Backspace');
    await page.evaluate(() => window.__bench?.blurTarget());
    await page.evaluate((q, c) => window.__bench?.settle(q, c), 100, LIMITS.settleMs);
    await page.evaluate(() => window.__bench?.focusTarget());
    let value = (await page.evaluate(() => window.__bench?.value() ?? '')) ?? '';
    await page.evaluate(() => window.__bench?.arm());
    const started = Date.now();
    if (options.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const busy0 = await metric(cdp, 'TaskDuration');
    let pressed = 0;
    for (const [i, key] of target.keys.entries()) {
      pressed += 1;
      const input = key as Parameters<typeof page.keyboard.press>[0];
      // Key down, wait in the page, key up: sent together, one round trip per key. waitQuiet only
      // starts counting once the keydown has reached the page (the harness stamps it).
      const [, rec] = await Promise.all([
        page.keyboard.down(input),
        page.evaluate((q, c) => window.__bench?.waitQuiet(q, c), RUNS.quietMs, LIMITS.keyMs),
        page.keyboard.up(input),
      ]);
      if (!rec) throw new Error('harness missing');
      value = afterKey(value, key);
      const shouldShow = violates(target, value);
      const shown = rec.error !== null;
      const ok = rec.value === value && shown === shouldShow && (!shown || rightMessage(renderer, target, rec.error ?? ''));
      if (rec.timedOut) timedOut += 1;
      if (i < RUNS.warmupKeys) continue;
      checked += 1;
      if (!ok) {
        wrong += 1;
        if (failures.length < 3) failures.push(`key ${i} "${key}": value ${JSON.stringify(rec.value)} (expected ${JSON.stringify(value)}), error ${JSON.stringify(rec.error)} (expected ${shouldShow ? 'one' : 'none'})`);
        // Re-sync with what the page holds, so one lost key is not counted again on every later key.
        value = rec.value ?? value;
      }
      samples.push({ paint: rec.paint, work: rec.work, ok });
      if (Date.now() - started > RUNS.keySessionCapMs) break;
    }
    const busyMsPerKey = (((await metric(cdp, 'TaskDuration')) - busy0) * 1000) / Math.max(1, pressed);
    const profile = options.profile ? ((await cdp.send('Profiler.stop')).profile as CpuProfile) : undefined;
    return { samples, checked, wrong, failures, timedOut, busyMsPerKey, ...(profile ? { profile } : {}) };
  } catch (error) {
    return { samples, checked, wrong, failures, timedOut, note: String(error).slice(0, 300) };
  } finally {
    await session.close();
  }
}
