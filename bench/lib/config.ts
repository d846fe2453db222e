import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (bench/lib/ → ../..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BENCH = path.join(ROOT, 'bench');
/**
 * Scratch space (synthetic forms, bundles, pages, profiles), wiped at the start
 * of every run. Inside the project so that bundled imports resolve from
 * node_modules, and under node_modules/.cache so that git and Biome skip it.
 */
export const WORK = path.join(ROOT, 'node_modules', '.cache', 'yibiao-bench');
export const RESULTS = path.join(BENCH, 'results');
export const DOC = path.join(ROOT, 'docs', 'benchmarks.md');

export const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

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
  loads: QUICK ? 1 : 3,
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
