/** Self time by function in a V8 CPU profile (Chrome's Profiler domain or node --cpu-prof): the same format. */
import path from 'node:path';

export interface CpuProfile {
  readonly nodes: readonly {
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number; readonly columnNumber?: number };
  }[];
  readonly samples?: readonly number[];
  readonly timeDeltas?: readonly number[];
}

export interface ProfileLine {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  /** Share of the non-idle time, in %. */
  readonly pct: number;
}

export interface ProfileSummary {
  /** Sampled non-idle time, ms. */
  readonly busyMs: number;
  readonly lines: readonly ProfileLine[];
  /** Self time by script file (native and engine work under their own names). */
  readonly files: readonly { readonly file: string; readonly selfMs: number; readonly pct: number }[];
}

/** Maps a position in a bundle back to its source file and line (from the bundle's source map). */
export type Resolve = (url: string, line: number, column: number) => { readonly file: string; readonly line: number } | undefined;

/**
 * Sums each sample's interval into its function (name, file, line) and returns the top ones.
 *
 * @param profile - the profile.
 * @param top - how many lines.
 * @param resolve - maps bundle positions to sources, when the bundle has a source map.
 */
export function summarizeProfile(profile: CpuProfile, top = 12, resolve?: Resolve): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame] as const));
  const self = new Map<string, { name: string; where: string; us: number }>();
  const files = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let busy = 0;
  for (const [i, id] of samples.entries()) {
    const frame = byId.get(id);
    const us = deltas[i + 1] ?? 0;
    const name = frame?.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    busy += us;
    const original = frame?.url ? resolve?.(frame.url, frame.lineNumber, frame.columnNumber ?? 0) : undefined;
    const where = original ? `${original.file}:${original.line}` : frame?.url ? `${path.basename(frame.url.split('?')[0] ?? '')}:${frame.lineNumber + 1}` : '';
    const key = `${name}@${where}`;
    const entry = self.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    self.set(key, entry);
    const file = original ? original.file : frame?.url ? path.basename(frame.url.split('?')[0] ?? '') : `(${name.replace(/^\((.*)\)$/, '$1')}, native)`;
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const lines = [...self.values()]
    .sort((a, b) => b.us - a.us)
    .slice(0, top)
    .map((e) => ({ name: e.name, where: e.where, selfMs: e.us / 1000, pct: busy === 0 ? 0 : (100 * e.us) / busy }));
  const byFile = [...files]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([file, us]) => ({ file, selfMs: us / 1000, pct: busy === 0 ? 0 : (100 * us) / busy }));
  return { busyMs: busy / 1000, lines, files: byFile };
}
