/** The issue's targets, evaluated on one run's results. */
import type { RendererId } from '../browser/harness.js';
import { SYNTHETIC_SIZES } from '../lib/config.js';
import { ratio } from '../lib/stats.js';
import { kB, ms, x } from './format.js';
import type { Results, Target } from './results.js';

export const LARGEST = `syn${Math.max(...SYNTHETIC_SIZES)}`;

type Input = Omit<Results, 'targets' | 'profiles'>;

export function evaluateTargets(r: Input): Target[] {
  const targets: Target[] = [];
  for (const form of r.forms.filter((f) => f.kind === 'real')) {
    const s = r.sizes[form.id];
    const y = s?.yibiao?.main.brotli;
    const rj = s?.rjsf?.main.brotli;
    const rp = s?.['rjsf-pre']?.main.brotli;
    targets.push({
      id: `size:${form.id}`,
      text: `embed size of ${form.id} ≤ 1/5 of rjsf's bundle (brotli)`,
      measured: `${kB(y)} kB vs rjsf ${kB(rj)} kB = ${x(ratio(y, rj))} (limit 0.20×); vs precompiled rjsf ${kB(rp)} kB = ${x(ratio(y, rp))}`,
      pass: y === undefined || rj === undefined ? undefined : y <= rj / 5,
      profile: `size:${form.id}`,
    });
  }
  const big = r.browser[LARGEST];
  const get = (renderer: RendererId) => big?.[renderer];
  const work = (renderer: RendererId) => get(renderer)?.keys?.work?.median;
  const p95 = (renderer: RendererId) => get(renderer)?.keys?.paint?.p95;
  const fi = (renderer: RendererId) => get(renderer)?.firstInteractive?.median;
  const check = (value: number | undefined, limit: number | undefined) => (value === undefined || limit === undefined ? undefined : value <= limit);
  targets.push({
    id: 'keys:work:floor',
    text: `keystroke at ${LARGEST}: work per key ≤ 2× the floor`,
    measured: `${ms(work('yibiao'))} ms vs floor ${ms(work('floor'))} ms = ${x(ratio(work('yibiao'), work('floor')))} (limit 2×)`,
    pass: check(work('yibiao'), (work('floor') ?? Number.NaN) * 2),
    profile: `keys:${LARGEST}`,
  });
  targets.push({
    id: 'keys:work:rjsf',
    text: `keystroke at ${LARGEST}: work per key ≤ 1/5 of rjsf's`,
    measured: `${ms(work('yibiao'))} ms vs rjsf ${ms(work('rjsf'))} ms = ${x(ratio(work('yibiao'), work('rjsf')))} (limit 0.20×); vs precompiled rjsf ${x(ratio(work('yibiao'), work('rjsf-pre')))}`,
    pass: check(work('yibiao'), (work('rjsf') ?? Number.NaN) / 5),
    profile: `keys:${LARGEST}`,
  });
  targets.push({
    id: 'keys:paint:floor',
    text: `keystroke at ${LARGEST}: key→paint p95 ≤ 1.2× the floor`,
    measured: `${ms(p95('yibiao'))} ms vs floor ${ms(p95('floor'))} ms = ${x(ratio(p95('yibiao'), p95('floor')))} (limit 1.2×)`,
    pass: check(p95('yibiao'), (p95('floor') ?? Number.NaN) * 1.2),
    profile: `keys:${LARGEST}`,
  });
  targets.push({
    id: 'first-interactive:floor',
    text: `first interactive at ${LARGEST} ≤ 1.2× the floor`,
    measured: `${ms(fi('yibiao'), 0)} ms vs floor ${ms(fi('floor'), 0)} ms = ${x(ratio(fi('yibiao'), fi('floor')))} (limit 1.2×)`,
    pass: check(fi('yibiao'), (fi('floor') ?? Number.NaN) * 1.2),
    profile: `load:${LARGEST}`,
  });
  const csp = Object.entries(r.browser).flatMap(([id, byRenderer]) => (byRenderer.yibiao?.csp ? [[id, byRenderer.yibiao.csp] as const] : []));
  targets.push({
    id: 'csp',
    text: "strict CSP (script-src 'self'): renders and validates",
    measured: csp.map(([id, c]) => `${id} ${c.pass ? 'pass' : `FAIL (${[!c.rendered && 'not rendered', !c.validated && 'no error shown', ...c.violations].filter(Boolean).join(', ')})`}`).join('; '),
    pass: csp.length === 0 ? undefined : csp.every(([, c]) => c.pass),
  });
  for (const v of r.verify.forms.filter((f) => f.kind === 'real')) {
    targets.push({
      id: `verify:${v.id}`,
      text: `${v.id}: verify + re-validate ≥ 80 % of bare ES256 verify (one core)`,
      measured: v.ok ? `${ms(v.verify?.median, 0)}/s vs ${ms(v.bare?.median, 0)}/s = ${((v.ratio ?? 0) * 100).toFixed(0)} %` : `not measured: ${v.note ?? ''}`,
      pass: v.ok && v.ratio !== undefined ? v.ratio >= 0.8 : undefined,
      profile: `verify:${v.id}`,
    });
  }
  const wrong = Object.entries(r.browser).flatMap(([id, byRenderer]) => (byRenderer.yibiao?.keys && byRenderer.yibiao.keys.wrong > 0 ? [`${id}: ${byRenderer.yibiao.keys.wrong}/${byRenderer.yibiao.keys.checked}`] : []));
  targets.push({
    id: 'keys:errors',
    text: "(check) yibiao's error message right on every key, every form",
    measured: wrong.length === 0 ? 'every key right' : `wrong: ${wrong.join(', ')}`,
    pass: wrong.length === 0,
  });
  return targets;
}
