/** The result tables, as Markdown (printed to the terminal as they are). */
import type { RendererId } from '../browser/harness.js';
import { RENDERER_LABEL } from '../build/pages.js';
import { ratio } from '../lib/stats.js';
import { kB, ms, passMark, range, table, x } from './format.js';
import type { Results } from './results.js';

type R = Omit<Results, 'profiles'> | Results;

const formLabel = (r: R, id: string) => {
  const f = r.forms.find((g) => g.id === id);
  return f ? `${id} (${f.fields})` : id;
};

/** The lazy parts cell: how many and their brotli total, e.g. `5 parts, 34.1 kB br (largest data-….js 21.3)` (older results list names only). */
function lazyParts(lazy: readonly (string | { readonly file: string; readonly sizes: { readonly brotli: number } })[]): string {
  if (lazy.length === 0) return 'none';
  const parts = lazy.flatMap((p) => (typeof p === 'string' ? [] : [p]));
  if (parts.length === 0) return `dynamic import of ${lazy.join(', ')}`;
  const largest = parts.reduce((a, b) => (b.sizes.brotli > a.sizes.brotli ? b : a));
  const total = parts.reduce((n, p) => n + p.sizes.brotli, 0);
  return `${parts.length} parts, ${kB(total)} kB br (largest ${largest.file.split('/').pop()} ${kB(largest.sizes.brotli)})`;
}

export function sizeTable(r: R): string {
  const rows: string[][] = [];
  for (const form of r.forms.filter((f) => r.sizes[f.id] !== undefined)) {
    const s = r.sizes[form.id] ?? {};
    for (const renderer of r.renderers) {
      const z = s[renderer];
      if (!z) continue;
      rows.push([
        formLabel(r, form.id),
        RENDERER_LABEL[renderer],
        kB(z.main.min),
        kB(z.main.gzip),
        kB(z.main.brotli),
        x(ratio(z.main.brotli, s.rjsf?.main.brotli)),
        x(ratio(z.main.brotli, s.floor?.main.brotli)),
        lazyParts(z.lazy),
      ]);
    }
  }
  return table(['form (fields)', 'renderer', 'min kB', 'gzip kB', 'brotli kB', 'br vs rjsf', 'br vs floor', 'lazy parts (apart)'], rows);
}

export function loadTable(r: R): string {
  const rows: string[][] = [];
  for (const form of r.forms) {
    const b = r.browser[form.id] ?? {};
    for (const renderer of r.renderers) {
      const f = b[renderer];
      if (!f) continue;
      const fi = f.firstInteractive?.median;
      rows.push([
        formLabel(r, form.id),
        RENDERER_LABEL[renderer],
        String(f.loads),
        range(f.firstInteractive),
        x(ratio(fi, b.rjsf?.firstInteractive?.median)),
        x(ratio(fi, b.floor?.firstInteractive?.median)),
        range(f.toggle),
        x(ratio(f.toggle?.median, b.rjsf?.toggle?.median)),
        x(ratio(f.toggle?.median, b.floor?.toggle?.median)),
        range(f.heap, 1, 1048576),
        x(ratio(f.heap?.median, b.rjsf?.heap?.median)),
        x(ratio(f.heap?.median, b.floor?.heap?.median)),
      ]);
    }
  }
  return table(
    ['form (fields)', 'renderer', 'loads', 'first interactive ms', 'vs rjsf', 'vs floor', 'tick → section ms', 'vs rjsf', 'vs floor', 'JS heap MiB', 'vs rjsf', 'vs floor'],
    rows,
  );
}

export function typingTable(r: R): string {
  const rows: string[][] = [];
  for (const form of r.forms) {
    const b = r.browser[form.id] ?? {};
    for (const renderer of r.renderers) {
      const k = b[renderer]?.keys;
      if (!k) continue;
      const ref = (other: RendererId) => b[other]?.keys;
      rows.push([
        formLabel(r, form.id),
        RENDERER_LABEL[renderer],
        `${ms(k.paint?.median)} / ${ms(k.paint?.p95)}`,
        x(ratio(k.paint?.p95, ref('rjsf')?.paint?.p95)),
        x(ratio(k.paint?.p95, ref('floor')?.paint?.p95)),
        `${ms(k.work?.median)} / ${ms(k.work?.p95)}`,
        x(ratio(k.work?.median, ref('rjsf')?.work?.median)),
        x(ratio(k.work?.median, ref('floor')?.work?.median)),
        ms(k.busyMsPerKey),
        `${k.checked - k.wrong}/${k.checked}${k.timedOut > 0 ? ` (${k.timedOut} timed out)` : ''}`,
      ]);
    }
  }
  return table(
    ['form (fields)', 'renderer', 'key→paint ms med / p95', 'p95 vs rjsf', 'p95 vs floor', 'work/key ms med / p95', 'med vs rjsf', 'med vs floor', 'busy ms/key', 'error right'],
    rows,
  );
}

export function cspTable(r: R): string {
  const forms = r.forms.filter((f) => Object.values(r.browser[f.id] ?? {}).some((b) => b?.csp));
  const rows = r.renderers.map((renderer) => [
    RENDERER_LABEL[renderer],
    ...forms.map((f) => {
      const c = r.browser[f.id]?.[renderer]?.csp;
      if (!c) return '–';
      return c.pass ? 'pass' : `FAIL${c.violations.length > 0 ? ` (${c.violations.join(', ')})` : ''}${!c.rendered ? ' not rendered' : !c.validated ? ' no error shown' : ''}`;
    }),
  ]);
  return table(['renderer', ...forms.map((f) => f.id)], rows);
}

export function verifyTable(r: R): string {
  const rows = r.verify.forms.map((v) => [
    `${v.id} (${v.kind})`,
    v.ok ? range(v.verify) : `– (${v.note ?? 'not run'})`,
    range(v.bare),
    v.ratio === undefined ? '–' : `${(v.ratio * 100).toFixed(0)} %`,
    range(v.validate),
    String(v.tokenBytes),
  ]);
  return table(['form', 'yibiao verify /s', 'bare ES256 compactVerify /s', 'verify ÷ bare', 'validateData alone /s', 'token bytes'], rows);
}

export function buildTable(r: R): string {
  const rows = [
    ['npm run build (CLI bundle + every real form)', ms(r.build.npmRunBuildMs, 0), r.build.ok ? 'ok' : `failed: ${r.build.failed.join(', ') || 'see output'}`],
    ...r.build.forms.map((f) => [`  ${f.id} (compile + write, as printed)`, String(f.ms), '']),
    ...r.build.synthetic.map((f) => [`  ${f.id}, ${f.fields} fields (compileForm + writeForm)`, ms(f.ms, 0), '']),
  ];
  return table(['build', 'ms', ''], rows);
}

export function targetsTable(r: R & { readonly targets: Results['targets'] }): string {
  return table(
    ['target', 'measured', 'result'],
    r.targets.map((t) => [t.text, t.measured, passMark(t.pass)]),
  );
}

/** µs per step of verify(), per form (each step timed alone). */
export function verifyStepsTable(r: R): string {
  const forms = r.verify.forms.filter((v) => v.steps !== undefined);
  const names = [...new Set(forms.flatMap((v) => Object.keys(v.steps ?? {})))];
  return table(
    ['step (µs per call)', ...forms.map((v) => v.id)],
    names.map((name) => [name, ...forms.map((v) => ms(v.steps?.[name], 0))]),
  );
}
