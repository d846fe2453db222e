/**
 * `npm run bench`: yibiao against rjsf, JSON Forms and a hand-written Lit
 * floor, side by side in one headless Chromium, in one run. Prints the tables,
 * writes bench/results/latest.json and docs/benchmarks.md.
 * See docs/benchmarks.md for the method.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RendererId } from './browser/harness.js';
import { startServer } from './browser/server.js';
import { launchBrowser } from './browser/session.js';
import { ACTIVE_RENDERERS, buildPages, harnessScript, SITE, yibiaoSizeBreakdown } from './build/pages.js';
import { BUDGET, DOC, FILTERED, QUICK, RESULTS, RUNS, SEED, wantMeasure } from './lib/config.js';
import { elapsedSeconds, log } from './lib/log.js';
import { ratio, summarize } from './lib/stats.js';
import { browserSuite, harnessConfig, opt } from './measures/browser-suite.js';
import { profileKeys, profileLoad, profileVerify } from './measures/profile.js';
import { measureSize, type SizeResult } from './measures/size.js';
import { runVerifyBench } from './measures/verify.js';
import { prepare } from './prepare.js';
import type { ProfileSummary } from './report/cpuprofile.js';
import { markdown } from './report/markdown.js';
import type { Results, Target, VerifyFigures } from './report/results.js';
import { buildTable, cspTable, loadTable, sizeTable, targetsTable, typingTable, verifyTable } from './report/tables.js';
import { evaluateTargets, LARGEST } from './report/targets.js';

const loadStart = os.loadavg();
const prepared = await prepare();
const { specs } = prepared;
// The form the browser profiles are taken on: the largest synthetic one, or `BENCH_PROFILE_FORM`.
const largest = specs.find((s) => s.id === (process.env.BENCH_PROFILE_FORM ?? LARGEST));
const missedIn = (targets: readonly Target[], prefix: string) => targets.some((t) => t.id.startsWith(prefix) && t.pass === false);

// Browser: every renderer on every form.
const harness = await harnessScript();
const server = await startServer(SITE);
const browser = await launchBrowser();
const chromium = await browser.version();
log(`${chromium} on ${server.origin}`);
const smallestSynthetic = specs.filter((s) => s.kind === 'synthetic').sort((a, b) => a.fields - b.fields)[0]?.id;
const browserResults = await browserSuite(browser, harness, server.origin, specs, {
  // yibiao on every real form; the others' CSP behaviour does not depend on the form: the first real form and the smallest synthetic one.
  yibiao: new Set([...specs.filter((s) => s.kind === 'real').map((s) => s.id), ...(smallestSynthetic ? [smallestSynthetic] : [])]),
  others: new Set([...specs.filter((s) => s.kind === 'real').slice(0, 1).map((s) => s.id), ...(smallestSynthetic ? [smallestSynthetic] : [])]),
});

const base = {
  date: new Date().toISOString(),
  totalSeconds: 0,
  machine: {
    cpu: `${os.cpus()[0]?.model ?? 'unknown CPU'}${os.cpus()[0]?.speed ? ` @ ${os.cpus()[0]?.speed} MHz` : ''}`,
    cores: os.cpus().length,
    memoryGiB: os.totalmem() / 1024 ** 3,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverageStart: loadStart,
    loadAverageEnd: os.loadavg(),
  },
  chromium,
  node: process.version,
  seed: SEED,
  runs: { ...RUNS, budget: BUDGET, quick: QUICK },
  renderers: ACTIVE_RENDERERS,
  build: {
    npmRunBuildMs: prepared.build.ms,
    ok: prepared.build.ok,
    forms: prepared.build.forms,
    failed: prepared.build.failed,
    skipped: prepared.skipped,
    synthetic: prepared.synthetic.map((t) => ({ id: t.id, fields: specs.find((s) => s.id === t.id)?.fields ?? 0, ms: t.ms })),
  },
  forms: specs.map((s) => ({
    id: s.id,
    kind: s.kind,
    fields: s.fields,
    ...opt('target', s.target && `${s.target.section}/${s.target.key} (${s.target.rule.kind === 'pattern' ? s.target.rule.pattern : s.target.rule.format})`),
    ...opt('toggle', s.toggle && `${s.toggle.service} → ${s.toggle.section}`),
  })),
  browser: browserResults,
};

// Profile the browser targets that missed now, while the time budget allows (readable, non-minified builds).
const profiles: Record<string, ProfileSummary> = {};
const browserTargets = evaluateTargets({ ...base, sizes: {}, verify: { pinnedToOneCpu: false, forms: [] } });
const keysMissed = missedIn(browserTargets, 'keys:work') || missedIn(browserTargets, 'keys:paint');
// `BENCH_PROFILE=1` profiles even when the targets hold.
const forceProfile = process.env.BENCH_PROFILE === '1';
const loadMissed = forceProfile || missedIn(browserTargets, 'first-interactive');
if (largest && wantMeasure('profile') && (keysMissed || loadMissed)) {
  try {
    for (const r of (['yibiao', 'floor'] as const satisfies readonly RendererId[]).filter((x) => ACTIVE_RENDERERS.includes(x))) {
      const [page] = await buildPages(r, [largest], { dir: 'prof' });
      if (!page) continue;
      const url = `${server.origin}${page.url}`;
      if (keysMissed && elapsedSeconds() < BUDGET.stopProfilingAfterS) {
        log(`profiling keys: ${r} ${LARGEST}`);
        const p = await profileKeys(browser, harness, harnessConfig(r, largest), url, largest, r, page.mainFile);
        if (p) profiles[`keys:${LARGEST} ${r}`] = p;
      }
      if (loadMissed && elapsedSeconds() < BUDGET.stopProfilingAfterS) {
        log(`profiling a cold load: ${r} ${LARGEST}`);
        const p = await profileLoad(browser, harness, harnessConfig(r, largest), server.origin, url, largest, page.mainFile);
        if (p) profiles[`load:${LARGEST} ${r}`] = p;
      }
    }
  } catch (error) {
    log(`profiling failed: ${String(error)}`);
  }
}
await browser.close();
await server.close();

// Embed sizes, after the browser part so that brotli q11 on every bundle does not eat into its time plan.
log('measuring embed sizes (real forms)');
const sizes: Record<string, Partial<Record<RendererId, SizeResult>>> = {};
const realIds = new Set(specs.filter((s) => s.kind === 'real').map((s) => s.id));
const sized = await Promise.all(prepared.pages.filter((p) => wantMeasure('size') && realIds.has(p.form)).map(async (page) => [page, await measureSize(page)] as const));
for (const [page, size] of sized) {
  sizes[page.form] ??= {};
  (sizes[page.form] as Record<string, SizeResult>)[page.renderer] = size;
}

// Node: the real forms, and the largest synthetic one to show how verify scales with the form.
log('Node: verify + re-validate vs bare ES256 verify, one core');
const verifyInput = specs.flatMap((s) => (wantMeasure('verify') && s.valid && (s.kind === 'real' || s.id === LARGEST) ? [{ id: s.id, distForms: s.distForms, data: s.valid.data, date: s.valid.date }] : []));
const verified = verifyInput.length === 0 ? { results: [], pinned: false } : await runVerifyBench(verifyInput, RUNS.verifyRounds, RUNS.verifyRoundMs);
const verifyForms: VerifyFigures[] = specs.flatMap((s): VerifyFigures[] => {
  const v = verified.results.find((x) => x.id === s.id);
  if (!v) return s.kind === 'real' && wantMeasure('verify') ? [{ id: s.id, kind: s.kind, ok: false, note: 'no valid example', tokenBytes: 0 }] : [];
  const verify = summarize(v.verify);
  const bare = summarize(v.bare);
  const figures: VerifyFigures = {
    id: s.id,
    kind: s.kind,
    ok: v.ok,
    ...opt('note', v.note),
    ...opt('verify', verify),
    ...opt('bare', bare),
    ...opt('validate', summarize(v.validate)),
    ...opt('ratio', ratio(verify?.median, bare?.median)),
    ...opt('steps', v.steps),
    tokenBytes: v.tokenBytes,
  };
  log(`verify ${s.id}: ${v.ok ? `${verify?.median.toFixed(0)}/s vs bare ${bare?.median.toFixed(0)}/s` : v.note}`);
  return [figures];
});

const measured = { ...base, sizes, verify: { pinnedToOneCpu: verified.pinned, forms: verifyForms } };
const targets = evaluateTargets(measured);

// Where the bytes come from, for the forms whose size missed (esbuild metafile of the same entry, ~1 s each).
const sizeBreakdown: Record<string, Awaited<ReturnType<typeof yibiaoSizeBreakdown>>> = {};
for (const spec of specs.filter((s) => wantMeasure('size') && s.kind === 'real' && targets.some((t) => t.id === `size:${s.id}` && t.pass === false))) {
  sizeBreakdown[spec.id] = await yibiaoSizeBreakdown(spec);
}
// The verifier, on the real form furthest from its target.
const worstVerify = verifyForms.filter((v) => v.kind === 'real' && v.ok && (v.ratio ?? 1) < 0.8).sort((a, b) => (a.ratio ?? 0) - (b.ratio ?? 0))[0];
const worstInput = worstVerify && verifyInput.find((v) => v.id === worstVerify.id);
if (worstInput && wantMeasure('profile')) {
  log(`profiling verify: ${worstInput.id}`);
  const p = await profileVerify(worstInput).catch((error: unknown) => log(`profiling verify failed: ${String(error)}`));
  if (p) profiles[`verify:${worstInput.id}`] = p;
}

const results: Results = {
  ...measured,
  machine: { ...base.machine, loadAverageEnd: os.loadavg() },
  totalSeconds: elapsedSeconds(),
  targets,
  profiles,
  ...(Object.keys(sizeBreakdown).length > 0 ? { sizeBreakdown } : {}),
};
await mkdir(RESULTS, { recursive: true });
// A quick (smoke) or filtered run never replaces the real results or the doc.
const written = QUICK ? 'quick.json' : FILTERED ? 'filtered.json' : 'latest.json';
await writeFile(path.join(RESULTS, written), `${JSON.stringify(results, null, 2)}\n`);
if (!QUICK && !FILTERED) await writeFile(DOC, markdown(results));
process.stdout.write(
  [
    `\nyibiao benchmarks — ${results.date}, ${chromium}, Node ${process.version}, ${results.machine.cores} × ${results.machine.cpu}`,
    '\n## Targets\n',
    targetsTable(results),
    '\n## Embed size\n',
    sizeTable(results),
    '\n## Load, tick, memory\n',
    loadTable(results),
    '\n## Typing\n',
    typingTable(results),
    '\n## Strict CSP\n',
    cspTable(results),
    '\n## Node verify (one core)\n',
    verifyTable(results),
    '\n## Build\n',
    buildTable(results),
    `\nTotal ${(results.totalSeconds / 60).toFixed(1)} min. Written: ${written === 'latest.json' ? 'bench/results/latest.json, docs/benchmarks.md' : `bench/results/${written} (latest.json and docs/benchmarks.md left as they were)`}\n`,
  ].join('\n'),
);
