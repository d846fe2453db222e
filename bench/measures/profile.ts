/**
 * Profiles for the targets that are missed: Chrome's Profiler domain over
 * keys typed in (or over a page load of) the readable, non-minified builds,
 * and the V8 profiler (node:inspector) over yibiao's verify in Node.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { SourceMap, type SourceMapPayload } from 'node:module';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { HarnessConfig, RendererId } from '../browser/harness.js';
import { openSession } from '../browser/session.js';
import type { FormSpec } from '../build/form-spec.js';
import { LIMITS, ROOT, RUNS, WORK } from '../lib/config.js';
import { type CpuProfile, type ProfileSummary, type Resolve, summarizeProfile } from '../report/cpuprofile.js';
import { measureKeys } from './keys.js';
import { firstInteractive } from './load.js';
import { runVerifyBench, type VerifyForm } from './verify.js';

/**
 * Resolves positions in `<bundle>.js` through `<bundle>.js.map` (written next to
 * the profiled bundles) to project-relative source files.
 */
async function bundleResolver(bundle: string): Promise<Resolve | undefined> {
  let map: SourceMap;
  try {
    map = new SourceMap(JSON.parse(await readFile(`${bundle}.map`, 'utf8')) as SourceMapPayload);
  } catch {
    return undefined;
  }
  const name = path.basename(bundle);
  return (url, line, column) => {
    if (!url.split('?')[0]?.endsWith(`/${name}`)) return undefined;
    const entry = map.findEntry(line, column) as Partial<{ originalSource: string; originalLine: number }>;
    if (!entry.originalSource) return undefined;
    const file = path.relative(ROOT, path.resolve(path.dirname(bundle), entry.originalSource)).replace(/^node_modules\//, '');
    return { file, line: (entry.originalLine ?? 0) + 1 };
  };
}

/** Keys typed under the profiler (the keystroke session, profiler on). */
export async function profileKeys(browser: Browser, harness: string, config: HarnessConfig, url: string, spec: FormSpec, renderer: RendererId, bundle: string): Promise<ProfileSummary | undefined> {
  const session = await measureKeys(browser, harness, config, url, spec, renderer, { profile: true });
  return session.profile && summarizeProfile(session.profile, 15, await bundleResolver(bundle));
}

/** A cold page load under the profiler, until first interactive (started on a blank page of the same origin, so the renderer process stays). */
export async function profileLoad(browser: Browser, harness: string, config: HarnessConfig, origin: string, url: string, spec: FormSpec, bundle: string): Promise<ProfileSummary | undefined> {
  const session = await openSession(browser, harness, config);
  const { page, cdp } = session;
  try {
    await page.goto(`${origin}/prof/blank.html`, { waitUntil: 'load' });
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const navigation = page.goto(url, { waitUntil: 'load', timeout: LIMITS.firstInteractiveMs }).catch(() => undefined);
    await firstInteractive(page, spec.target?.probeChar ?? '1', LIMITS.firstInteractiveMs);
    await navigation;
    const { profile } = await cdp.send('Profiler.stop');
    return summarizeProfile(profile as CpuProfile, 15, await bundleResolver(bundle));
  } finally {
    await session.close();
  }
}

/** yibiao's verify under the V8 profiler (node:inspector, timed loop only), pinned to one CPU like the measurement. */
export async function profileVerify(form: VerifyForm): Promise<ProfileSummary | undefined> {
  await mkdir(WORK, { recursive: true });
  const file = path.join(WORK, `verify-${form.id}.cpuprofile`);
  await runVerifyBench([form], 1, Math.max(1000, RUNS.verifyRoundMs * 2), file);
  return summarizeProfile(JSON.parse(await readFile(file, 'utf8')) as CpuProfile, 15);
}
