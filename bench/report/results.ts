/** The shape of bench/results/latest.json. */
import type { ModuleSizes } from '../../src/compile/sizes.js';
import type { RendererId } from '../browser/harness.js';
import type { Summary } from '../lib/stats.js';
import type { CspResult } from '../measures/csp.js';
import type { ProfileSummary } from './cpuprofile.js';

export interface BrowserFigures {
  readonly loads: number;
  /** ms from navigation start. */
  readonly firstInteractive?: Summary;
  /** bytes. */
  readonly heap?: Summary;
  /** ms. */
  readonly toggle?: Summary;
  readonly keys?: {
    readonly paint?: Summary;
    readonly work?: Summary;
    readonly checked: number;
    readonly wrong: number;
    readonly timedOut: number;
    readonly busyMsPerKey?: number;
    readonly failures: readonly string[];
  };
  readonly csp?: CspResult;
  readonly notes: readonly string[];
}

export interface VerifyFigures {
  readonly id: string;
  readonly kind: 'real' | 'synthetic';
  readonly ok: boolean;
  readonly note?: string;
  /** ops/s over rounds. */
  readonly verify?: Summary;
  readonly bare?: Summary;
  readonly validate?: Summary;
  /** median verify / median bare. */
  readonly ratio?: number;
  /** µs per call of each step of verify(), timed alone. */
  readonly steps?: Readonly<Record<string, number>>;
  readonly tokenBytes: number;
}

export interface Target {
  readonly id: string;
  readonly text: string;
  readonly measured: string;
  readonly pass: boolean | undefined;
  /** Key into `profiles` with the profile of the miss, if any. */
  readonly profile?: string;
}

export interface Results {
  readonly date: string;
  readonly totalSeconds: number;
  readonly machine: {
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly os: string;
    readonly loadAverageStart: readonly number[];
    readonly loadAverageEnd: readonly number[];
  };
  readonly chromium: string;
  readonly node: string;
  readonly seed: number;
  readonly runs: Readonly<Record<string, unknown>>;
  readonly renderers: readonly RendererId[];
  readonly build: {
    readonly npmRunBuildMs: number;
    readonly ok: boolean;
    readonly forms: readonly { readonly id: string; readonly ms: number }[];
    readonly failed: readonly string[];
    readonly skipped: readonly string[];
    readonly synthetic: readonly { readonly id: string; readonly fields: number; readonly ms: number }[];
  };
  readonly forms: readonly {
    readonly id: string;
    readonly kind: 'real' | 'synthetic';
    readonly fields: number;
    readonly target?: string;
    readonly toggle?: string;
  }[];
  readonly sizes: Readonly<Record<string, Partial<Record<RendererId, { readonly main: ModuleSizes; readonly eagerFiles?: number; readonly lazy: readonly (string | { readonly file: string; readonly sizes: ModuleSizes })[] }>>>>;
  readonly sizeBreakdown?: Readonly<Record<string, { readonly total: number; readonly parts: readonly { readonly part: string; readonly bytes: number }[] }>>;
  readonly browser: Readonly<Record<string, Partial<Record<RendererId, BrowserFigures>>>>;
  readonly verify: { readonly pinnedToOneCpu: boolean; readonly forms: readonly VerifyFigures[] };
  readonly targets: readonly Target[];
  readonly profiles: Readonly<Record<string, ProfileSummary>>;
}
