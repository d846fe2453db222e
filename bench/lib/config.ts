import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from '../../scripts/chromium.mjs';

/** The project root (bench/lib/ → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH = path.join(ROOT, 'bench');
/**
 * Scratch space (synthetic forms, bundles, pages, profiles), wiped at the start
 * of every run (`BENCH_WORK_TAG=x` gives a run its own, so that two runs can
 * share the tree). Inside the project so that bundled imports resolve from
 * node_modules, and under node_modules/.cache so that git and Biome skip it.
 */
export const WORK = path.join(ROOT, 'node_modules', '.cache', `yibiao-bench${process.env.BENCH_WORK_TAG ? `-${process.env.BENCH_WORK_TAG}` : ''}`);
export const RESULTS = path.join(BENCH, 'results');
export const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless=new', ...CHROMIUM_FLAGS];

/** Seed of the synthetic forms and of the key sequences. */
export const SEED = Number(process.env.BENCH_SEED ?? 20251123);
/** Field counts of the synthetic forms. */
export const SYNTHETIC_SIZES = [50, 200, 1000] as const;

/** `BENCH_QUICK=1`: a smoke run with the fewest repetitions (not for the doc). */
export const QUICK = process.env.BENCH_QUICK === '1';

/**
 * Repetitions, chosen so that the whole run (build included) stays well under
 * 15 minutes on 2 cores; see docs/benchmarks.md "Method".
 */
export const RUNS = {
  /** Page loads per (renderer, form) for first interactive, memory and toggle (fewer if the time plan says so). */
  loads: Number(process.env.BENCH_LOADS ?? (QUICK ? 1 : 3)),
  /** Keys typed per keystroke session before recording starts. */
  warmupKeys: 4,
  /** Keys recorded per keystroke session (the issue asks for ≥ 50). */
  keys: QUICK ? 20 : 50,
  /** Keystroke sessions per (renderer, form); the keys of all sessions are pooled. */
  keySessions: 1,
  /** Wall-clock cap of one keystroke session; fewer keys are recorded (and reported) past it. */
  keySessionCapMs: 120_000,
  /** No DOM change for this long after a key = the key's work is done. */
  quietMs: 30,
  /** Node verify: timed rounds per form and per contender, and the length of one round. */
  verifyRounds: QUICK ? 1 : 4,
  verifyRoundMs: QUICK ? 300 : 500,
} as const;

/**
 * The whole run must end within 15 minutes on 2 cores (build included). The
 * browser part plans its page loads to end by `stopBrowserAfterS` (forms not
 * started by then are not measured, and the results say so); profiling of
 * missed targets is skipped past `stopProfilingAfterS`.
 */
export const BUDGET = {
  stopBrowserAfterS: 700,
  stopProfilingAfterS: 760,
} as const;

/** Hard limits so that no loop can run away. */
export const LIMITS = {
  firstInteractiveMs: 30_000,
  settleMs: 10_000,
  toggleMs: 30_000,
  keyMs: 20_000,
  cspMs: 8_000,
} as const;

/** A comma-separated environment list (`a,b`), or undefined when unset or empty. */
function envList(name: string): ReadonlySet<string> | undefined {
  const items = (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return items.length === 0 ? undefined : new Set(items);
}

/** What a run can measure; `BENCH_MEASURES` picks some of them. */
export type MeasureId = 'load' | 'keys' | 'csp' | 'profile' | 'size' | 'verify';

/**
 * Filters for quick, focused runs (default: everything):
 * `BENCH_FORMS=syn1000,shandong` (form ids; synthetic ids are `syn<fields>`),
 * `BENCH_RENDERERS=yibiao,floor,rjsf`, `BENCH_MEASURES=load,keys` (of load, keys,
 * csp, profile, size, verify), `BENCH_SKIP_BUILD=1` (use the current build).
 * A filtered run writes bench/results/filtered.json and leaves latest.json and
 * the doc as they were.
 */
export const FILTER = {
  forms: envList('BENCH_FORMS'),
  renderers: envList('BENCH_RENDERERS'),
  measures: envList('BENCH_MEASURES') as ReadonlySet<MeasureId> | undefined,
  skipBuild: process.env.BENCH_SKIP_BUILD === '1',
} as const;

/** Whether any filter is set (the run is not a full one). */
export const FILTERED = FILTER.forms !== undefined || FILTER.renderers !== undefined || FILTER.measures !== undefined || FILTER.skipBuild;

/** Whether the form `id` is measured in this run. */
export function wantForm(id: string): boolean {
  return FILTER.forms === undefined || FILTER.forms.has(id);
}

/** Whether the measure `id` runs in this run. */
export function wantMeasure(id: MeasureId): boolean {
  return FILTER.measures === undefined || FILTER.measures.has(id);
}
