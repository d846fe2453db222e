/** Small formatting helpers shared by the terminal table and docs/benchmarks.md. */
import type { Summary } from '../lib/stats.js';

/** A Markdown table (also readable as plain text). */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const kB = (bytes: number | undefined): string => (bytes === undefined ? '–' : `${(bytes / 1024).toFixed(1)}`);
export const ms = (v: number | undefined, digits = 1): string => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));
export const x = (r: number | undefined): string => (r === undefined || !Number.isFinite(r) ? '–' : `${r.toFixed(2)}×`);

/** `median [min–max]`. */
export function range(s: Summary | undefined, digits = 0, scale = 1): string {
  if (!s) return '–';
  const f = (v: number) => (v / scale).toFixed(digits);
  return s.n === 1 ? f(s.median) : `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
}

export const passMark = (pass: boolean | undefined): string => (pass === undefined ? 'n/a' : pass ? '✅ pass' : '❌ miss');
