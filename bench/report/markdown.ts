/** docs/benchmarks.md: method, machine, targets, every table, and the profiles of what missed. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RENDERER_LABEL } from '../build/pages.js';
import { BENCH, RUNS, SYNTHETIC_SIZES } from '../lib/config.js';
import type { ProfileSummary } from './cpuprofile.js';
import { kB, ms, table } from './format.js';
import type { Results } from './results.js';
import { buildTable, cspTable, loadTable, sizeTable, targetsTable, typingTable, verifyStepsTable, verifyTable } from './tables.js';

function profileTable(p: ProfileSummary): string {
  const functions = table(
    ['function', 'where', 'self ms', '% of busy'],
    p.lines.map((l) => [l.name, l.where, ms(l.selfMs), `${l.pct.toFixed(1)} %`]),
  );
  const files = table(
    ['file', 'self ms', '% of busy'],
    p.files.map((f) => [f.file, ms(f.selfMs), `${f.pct.toFixed(1)} %`]),
  );
  return `${functions}\n\nBy file:\n\n${files}`;
}

/** The hand-written analysis of the misses (bench/report/analysis.md), kept across runs. */
function analysis(): string {
  const file = path.join(BENCH, 'report', 'analysis.md');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : '_No analysis written yet._';
}

export function markdown(r: Results): string {
  const m = r.machine;
  const largest = `syn${Math.max(...SYNTHETIC_SIZES)}`;
  const profiles = Object.entries(r.profiles);
  const breakdowns = Object.entries(r.sizeBreakdown ?? {});
  return `# Benchmarks

yibiao against [@rjsf/core](https://rjsf-team.github.io/react-jsonschema-form/) 6
(runtime ajv, and rjsf's precompiled-validator route), [JSON Forms](https://jsonforms.io/) 3 with
the vanilla renderers, and a floor — a minimal hand-written Lit form that checks each field on its own —
side by side, in one headless Chromium, in one run. Figures are medians with [min–max] over
repeated runs; ratios are to rjsf (runtime ajv) and to the floor.

\`\`\`sh
npm run bench                          # runs npm run build first; about ${Math.ceil(r.totalSeconds / 60)} min on the machine below
BENCH_QUICK=1 npm run bench            # smoke run, one of everything; writes bench/results/quick.json only
BENCH_SKIP_BUILD=1 BENCH_FORMS=syn1000 BENCH_RENDERERS=yibiao,floor,rjsf BENCH_MEASURES=load,keys npx tsx bench/run.ts
                                       # a focused run on the current build; writes bench/results/filtered.json only
npx tsx bench/report/write-doc.ts      # rewrite this page from bench/results/latest.json (e.g. after editing the analysis)
\`\`\`

\`BENCH_SEED\` changes the synthetic forms and key sequences, \`BENCH_CHROMIUM\` the browser (default \`/usr/bin/chromium\`).
Filters (default: everything): \`BENCH_FORMS\` (form ids, \`syn<fields>\` for synthetic ones), \`BENCH_RENDERERS\`,
\`BENCH_MEASURES\` (of \`load\`, \`keys\`, \`csp\`, \`profile\`, \`size\`, \`verify\`); \`BENCH_LOADS\` sets the page loads per form,
\`BENCH_WORK_TAG\` gives a run its own scratch directory (two runs at once).
The run plans its page loads to end within 15 minutes on 2 cores; on a busier machine some forms get fewer
loads (the *loads* column says how many) rather than the run overrunning.

Raw figures: [\`bench/results/latest.json\`](../bench/results/latest.json). This page is written by the
bench (\`bench/report/markdown.ts\`) from that run; the analysis of the misses is
\`bench/report/analysis.md\`, written by hand after profiling.

## This run

| | |
| --- | --- |
| date | ${r.date} |
| machine | ${m.cpu.replace(/ @ 0 MHz$/, '')} (\`os.cpus()\`), ${m.cores} cores, ${m.memoryGiB.toFixed(1)} GiB, ${m.os} |
| load average (1/5/15 min) at start → end | ${m.loadAverageStart.map((v) => v.toFixed(2)).join(' / ')} → ${m.loadAverageEnd.map((v) => v.toFixed(2)).join(' / ')} |
| Chromium | ${r.chromium} (headless=new, no GPU) |
| Node | ${r.node}; Node figures pinned to one CPU: ${r.verify.pinnedToOneCpu ? 'yes (taskset -c 0)' : 'no (taskset not found)'} |
| run counts | page loads per renderer and form: up to ${RUNS.loads} (fewer when the time plan says so; the *loads* column gives each); keys per session: ${RUNS.warmupKeys} warm-up + ${RUNS.keys} recorded; verify: ${RUNS.verifyRounds} rounds × ${RUNS.verifyRoundMs} ms per contender |
| synthetic forms | ${SYNTHETIC_SIZES.join(', ')} fields, seed ${r.seed} |
| total run time | ${(r.totalSeconds / 60).toFixed(1)} min (build included) |

The machine is shared: other work was running during the run when the load average is above the
core count, which widens the [min–max] ranges. Every renderer was measured under the same
conditions (page loads interleaved renderer by renderer), so the ratios are the figures to read.

## Targets

${targetsTable(r)}

## Analysis of the misses

${analysis()}

## Method

- **Forms.** Every form \`npm run build\` built (${r.forms.filter((f) => f.kind === 'real').map((f) => f.id).join(', ')}), and synthetic forms of
  ${SYNTHETIC_SIZES.join(', ')} fields (\`bench/generate/synthetic.ts\`, deterministic by seed): about 80 % of the fields in
  always-present sections, 20 % in service sections (root \`allOf\` if/then/else on \`services contains\`), each
  section with a \`mode\` select whose value \`b\` makes a \`detail\` field required (a section-level if/then/else);
  text fields with \`maxLength\` or a \`pattern\`, \`cn-mobile\` and \`date\` formats, selects, radios, integers, booleans.
  They are written as yibiao forms (form.schema.json, meta.json, ui.json, i18n/en.json) and built with
  \`compileForm\` + \`writeForm\` into a scratch directory (\`node_modules/.cache/yibiao-bench/\`).
- **Renderers.** Each is bundled by esbuild (minified, \`process.env.NODE_ENV = "production"\`) with the form
  inlined, into its own page served from 127.0.0.1. yibiao: the module \`npm run build\` wrote, unchanged.
  rjsf: \`@rjsf/core\` + \`@rjsf/validator-ajv8\` with \`customizeValidator({ extenderFn: yibiaoAjvPlugin })\`,
  \`liveValidate\` on, the error list off (errors inline, as in yibiao), the form's ui.json minus yibiao-only widgets.
  rjsf (precompiled): \`compileSchemaValidatorsCode\` with the same plugin at build time +
  \`createPrecompiledValidator\`. JSON Forms: vanilla renderers and cells, an ajv with the plugin, a uischema of one
  Group per section shown by a rule while its service is ticked (service sections also declared at the root, where
  JSON Forms resolves scopes). Floor (\`bench/renderers/floor.ts\`): one LitElement, plain inputs, each field checked
  on input (required, maxLength, pattern, phone format) and nothing else — no cross-field rule, no other format;
  sections and conditional fields shown like yibiao's. All four schema-driven renderers apply the same rules
  (yibiao's formats and keywords).
- **Target field.** The first text field with a pattern or a phone format in the first always-present section
  (synthetic: \`part1/code\`, \`^[0-9]{6}$\`; real forms: the applicant's phone or mobile). Its key sequence is
  deterministic and walks the value back and forth across valid/invalid.
- **First interactive.** Cold load in a fresh browser context (no cache): from navigation start until the target
  input is focused (checked in the page every 2 ms) and a character typed through CDP (\`Input.insertText\`) is in
  its value — the page's \`performance.now()\` at that moment.
- **JS heap.** \`HeapProfiler.collectGarbage\` then \`Performance.getMetrics\` \`JSHeapUsedSize\`, after the load has
  settled (the first-interactive probe has typed one character).
- **Tick → section.** In the same load: the service checkbox is clicked (JSON Forms: a row is added to its services
  table first, then the service chosen in it) until a field of its section is laid out and the frame painted.
- **Keystroke.** One session per renderer and form, with every service ticked (every field on screen: yibiao's
  \`data\` property set by the driver, the others' initial form data);
  the target is focused, left once (yibiao shows a field's errors once it has been left) and focused again, then
  ${RUNS.warmupKeys} + ${RUNS.keys} keys are pressed through CDP, one at a time. In the page:
  *key→paint* = keydown → the first frame after the input event, painted (\`requestAnimationFrame\` + a message);
  *work/key* = keydown → the later of the last DOM change (MutationObserver on the document and the form's shadow
  root; done after ${RUNS.quietMs} ms without change) and the end of the input event's own microtasks;
  *busy ms/key* = CDP \`TaskDuration\` over the session divided by the keys (quiet periods and harness included).
  After every key the driver checks the value, and that the field's error is on screen exactly when the value
  breaks the rule (yibiao's own format functions decide), with the right message.
- **Strict CSP.** The same pages served with \`Content-Security-Policy: script-src 'self'\`: pass when the form renders,
  typing an invalid value shows the field's error, and the page reports no CSP violation.
- **Node.** One process pinned to one CPU (\`taskset -c 0\`): yibiao's \`verify()\` (signature, header, hash, model checks,
  re-validation with the compiled validator) of a token signed from each form's fullest valid example, against
  bare \`jose.compactVerify\` of the same token with the key imported once; rounds interleaved.

## Embed size

For each real form: the module its page loads plus everything it imports eagerly (static imports, transitively) —
minified JS, gzip -9, brotli q11 (yibiao's own size settings), each file compressed on its own and summed. Modules
loaded later with a dynamic \`import()\` are "lazy parts", listed apart with their brotli total: yibiao's signing
(on first submit, prefetched when idle), drafts (after the first render), file handling (on the first file) and, for
hebei, the 省/市/县 tree (when idle after the first render). The other renderers are one self-contained file each.
yibiao's figures are \`widget/dist/<form>.js\` and its parts in \`widget/dist/<form>/\` exactly as \`npm run build\` wrote them.

${sizeTable(r)}

## Load, tick, memory

${loadTable(r)}

## Typing (${RUNS.keys} keys per renderer and form)

${typingTable(r)}

## Strict CSP (\`script-src 'self'\`)

${cspTable(r)}

## Node: verify + re-validate on one core

${verifyTable(r)}

Where a token's time goes — each step of \`verify()\` timed alone through the public API, µs per call
(the steps overlap a little with what \`compactVerify\` does itself, so they do not add up exactly):

${verifyStepsTable(r)}

## Build time

${buildTable(r)}

## Profiles

${profiles.length === 0 ? '_No target was missed, so nothing was profiled._' : profiles.map(([name, p]) => `### ${name}\n\nSampled busy time ${ms(p.busyMs)} ms; top self time:\n\n${profileTable(p)}`).join('\n\n')}

${breakdowns.length === 0 ? '' : `### Where yibiao's bytes come from (minified, before compression)\n\n${breakdowns.map(([id, b]) => `**${id}** (${kB(b.total)} kB):\n\n${table(['part', 'kB', '%'], b.parts.slice(0, 12).map((p) => [p.part, kB(p.bytes), `${((100 * p.bytes) / Math.max(1, b.total)).toFixed(1)} %`]))}`).join('\n\n')}`}

Renderers: ${r.renderers.map((id) => `${id} = ${RENDERER_LABEL[id]}`).join(', ')}. Largest synthetic form: ${largest}.
`;
}
