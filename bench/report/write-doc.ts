/**
 * Rewrites docs/benchmarks.md from bench/results/latest.json without running
 * anything (e.g. after editing bench/report/analysis.md):
 * `npx tsx bench/report/write-doc.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DOC, RESULTS } from '../lib/config.js';
import { markdown } from './markdown.js';
import type { Results } from './results.js';

const results = JSON.parse(await readFile(path.join(RESULTS, 'latest.json'), 'utf8')) as Results;
await writeFile(DOC, markdown(results));
process.stdout.write(`docs/benchmarks.md rewritten from the run of ${results.date}\n`);
