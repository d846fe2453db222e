/** Chromium through puppeteer-core: one browser per run, a fresh context (no cache) per page load. */
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../lib/config.js';
import type { HarnessConfig } from './harness.js';

export async function launchBrowser(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    defaultViewport: { width: 1280, height: 800 },
    protocolTimeout: 120_000,
  });
}

export interface Session {
  readonly page: Page;
  readonly cdp: CDPSession;
  close(): Promise<void>;
}

/**
 * A page in a fresh browser context with the harness injected before any
 * page script, and the Performance domain on.
 *
 * @param browser - the browser.
 * @param harness - the harness IIFE.
 * @param config - what the harness looks for.
 */
export async function openSession(browser: Browser, harness: string, config: HarnessConfig): Promise<Session> {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.evaluateOnNewDocument(`${harness}\n;window.__bench.configure(${JSON.stringify(config)});`);
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  return { page, cdp, close: () => context.close() };
}

/** A CDP Performance metric (seconds or bytes, as Chromium reports it). */
export async function metric(cdp: CDPSession, name: string): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? Number.NaN;
}

/** JS heap in use after a forced garbage collection, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return metric(cdp, 'JSHeapUsedSize');
}
