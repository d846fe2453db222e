/**
 * Every browser measure for every form and renderer, in one Chromium:
 * cold loads (renderers interleaved run by run, so that a noisy moment does
 * not fall on one renderer only), one keystroke session each, and the
 * strict-CSP check (yibiao on every real form; every renderer on one real form
 * and the smallest synthetic form).
 *
 * Time plan: the smallest synthetic form first (it gives the cost of a small
 * form), then the largest (the targets are read there), then the real forms,
 * then the rest. Each form gets `RUNS.loads` page loads per renderer unless
 * the costs measured so far say the run would pass its time budget; then it
 * gets fewer (at least one), and the results say so. Keystroke sessions are
 * never shortened.
 */
import type { Browser } from 'puppeteer-core';
import type { HarnessConfig, RendererId } from '../browser/harness.js';
import type { FormSpec } from '../build/form-spec.js';
import { ACTIVE_RENDERERS as RENDERERS } from '../build/pages.js';
import { BUDGET, RUNS, wantMeasure } from '../lib/config.js';
import { elapsedSeconds, log } from '../lib/log.js';
import { summarize } from '../lib/stats.js';
import type { BrowserFigures } from '../report/results.js';
import { measureCsp } from './csp.js';
import { type KeySession, measureKeys } from './keys.js';
import { type LoadRun, measureLoad } from './load.js';

export function harnessConfig(renderer: RendererId, spec: FormSpec): HarnessConfig {
  return {
    renderer,
    tag: renderer === 'yibiao' ? spec.tag : 'bench-floor',
    target: spec.target && { section: spec.target.section, key: spec.target.key },
    toggle: spec.toggle,
  };
}

/** `{ [key]: value }` when value is defined, else `{}` (exactOptionalPropertyTypes). */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

const fmt = (v: number | undefined) => (v === undefined ? '–' : v.toFixed(1));

/** Seconds one form took: one round of loads (every renderer once), and the rest. */
interface FormCost {
  readonly loadRound: number;
  readonly rest: number;
}

/** A keystroke session that was not run (BENCH_MEASURES without `keys`). */
const NO_KEYS: KeySession = { samples: [], checked: 0, wrong: 0, failures: [], timedOut: 0, note: 'not measured (BENCH_MEASURES)' };

const sizeClass = (spec: FormSpec) => (spec.fields >= 500 ? 'large' : 'small');

function figures(runs: readonly LoadRun[], keys: KeySession, csp: BrowserFigures['csp'], notes: string[]): BrowserFigures {
  return {
    loads: runs.length,
    ...opt('firstInteractive', summarize(runs.flatMap((x) => (x.firstInteractive === undefined ? [] : [x.firstInteractive])))),
    ...opt('heap', summarize(runs.flatMap((x) => (x.heapBytes === undefined ? [] : [x.heapBytes])))),
    ...opt('toggle', summarize(runs.flatMap((x) => (x.toggleMs === undefined ? [] : [x.toggleMs])))),
    keys: {
      ...opt('paint', summarize(keys.samples.map((s) => s.paint), true)),
      ...opt('work', summarize(keys.samples.map((s) => s.work), true)),
      checked: keys.checked,
      wrong: keys.wrong,
      timedOut: keys.timedOut,
      ...opt('busyMsPerKey', keys.busyMsPerKey),
      failures: keys.failures,
    },
    ...opt('csp', csp),
    notes,
  };
}

/**
 * @param browser - the browser.
 * @param harness - the harness IIFE.
 * @param origin - the static server.
 * @param specs - the forms.
 * @param cspForms - ids of the forms the CSP check runs on, for yibiao and for the other renderers.
 */
export async function browserSuite(
  browser: Browser,
  harness: string,
  origin: string,
  specs: readonly FormSpec[],
  cspForms: { readonly yibiao: ReadonlySet<string>; readonly others: ReadonlySet<string> },
): Promise<Record<string, Partial<Record<RendererId, BrowserFigures>>>> {
  const out: Record<string, Partial<Record<RendererId, BrowserFigures>>> = {};
  const synthetic = [...specs].filter((s) => s.kind === 'synthetic').sort((a, b) => a.fields - b.fields);
  const first = [synthetic[0], synthetic.at(-1)].filter((s, i, all): s is FormSpec => s !== undefined && all.indexOf(s) === i);
  const order = [...first, ...specs.filter((s) => s.kind === 'real'), ...synthetic.filter((s) => !first.includes(s))];
  const costs = new Map<string, FormCost>();
  for (const [index, spec] of order.entries()) {
    const left = BUDGET.stopBrowserAfterS - elapsedSeconds();
    if (left <= 0) {
      log(`${spec.id}: not measured, the run is past ${BUDGET.stopBrowserAfterS} s (time budget)`);
      out[spec.id] = Object.fromEntries(RENDERERS.map((r) => [r, { loads: 0, notes: ['not measured: time budget'] }]));
      continue;
    }
    const cost = costs.get(sizeClass(spec));
    const share = left / (order.length - index);
    const count = !wantMeasure('load') ? 0 : cost ? Math.max(1, Math.min(RUNS.loads, Math.floor((share - cost.rest) / cost.loadRound))) : RUNS.loads;
    if (count > 0 && count < RUNS.loads) log(`${spec.id}: ${count} page load(s) per renderer instead of ${RUNS.loads} (time budget)`);

    const url = (r: RendererId, csp = false) => `${origin}${csp ? '/csp' : ''}/p/${r}/${spec.id}.html`;
    const loads = new Map<RendererId, LoadRun[]>(RENDERERS.map((r) => [r, []]));
    const loadsStarted = elapsedSeconds();
    for (let run = 0; run < count; run += 1) {
      // Rotate the order so that no renderer is always first after a context switch.
      const rotation = RENDERERS.map((_, i) => RENDERERS[(i + run) % RENDERERS.length] as RendererId);
      for (const r of rotation) loads.get(r)?.push(await measureLoad(browser, harness, harnessConfig(r, spec), url(r), spec));
    }
    const restStarted = elapsedSeconds();
    const byRenderer: Partial<Record<RendererId, BrowserFigures>> = {};
    for (const r of RENDERERS) {
      const runs = loads.get(r) ?? [];
      const notes = runs.flatMap((x) => (x.note ? [x.note] : [])).concat(runs.flatMap((x) => x.violations.map((v) => `CSP violation without CSP: ${v}`)));
      if (count > 0 && count < RUNS.loads) notes.push(`${count} page load(s) instead of ${RUNS.loads} (time budget)`);
      const keys = wantMeasure('keys') ? await measureKeys(browser, harness, harnessConfig(r, spec), url(r), spec, r) : NO_KEYS;
      if (keys.note) notes.push(`keys: ${keys.note}`);
      const csp = wantMeasure('csp') && (r === 'yibiao' ? cspForms.yibiao : cspForms.others).has(spec.id) ? await measureCsp(browser, harness, harnessConfig(r, spec), url(r, true), spec) : undefined;
      const f = figures(runs, keys, csp, notes);
      byRenderer[r] = f;
      log(
        `${spec.id} ${r}: FI ${fmt(f.firstInteractive?.median)} ms, heap ${fmt((f.heap?.median ?? Number.NaN) / 1048576)} MiB, toggle ${fmt(f.toggle?.median)} ms, key→paint ${fmt(f.keys?.paint?.median)}/${fmt(f.keys?.paint?.p95)} ms, work ${fmt(f.keys?.work?.median)}/${fmt(f.keys?.work?.p95)} ms, errors ${(f.keys?.checked ?? 0) - (f.keys?.wrong ?? 0)}/${f.keys?.checked ?? 0}${csp ? `, CSP ${csp.pass ? 'pass' : 'FAIL'}` : ''}`,
      );
    }
    const done = elapsedSeconds();
    if (count > 0) costs.set(sizeClass(spec), { loadRound: (restStarted - loadsStarted) / count, rest: done - restStarted });
    log(`${spec.id}: ${count} load round(s) in ${(restStarted - loadsStarted).toFixed(0)} s, keys and CSP in ${(done - restStarted).toFixed(0)} s`);
    out[spec.id] = byRenderer;
  }
  return out;
}
