/** Runs bench/node/verify-bench.ts in a child process pinned to one CPU. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BENCH, ROOT } from '../lib/config.js';
import type { VerifyBenchResult } from '../node/verify-bench.js';

const run = promisify(execFile);
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

export interface VerifyForm {
  readonly id: string;
  readonly distForms: string;
  readonly data: unknown;
  readonly date: string;
}

/**
 * @param forms - forms with a valid submission.
 * @param rounds - timed rounds per contender.
 * @param roundMs - length of a round.
 * @param profileTo - time only `verify`, under the V8 profiler, and write the profile to this file.
 */
export async function runVerifyBench(forms: readonly VerifyForm[], rounds: number, roundMs: number, profileTo?: string): Promise<{ results: VerifyBenchResult[]; pinned: boolean }> {
  const script = path.join(BENCH, 'node', 'verify-bench.ts');
  const args = ['--import', 'tsx', script, JSON.stringify({ forms, rounds, roundMs, ...(profileTo === undefined ? {} : { profileTo }) })];
  const command = TASKSET ? TASKSET : process.execPath;
  const argv = TASKSET ? ['-c', '0', process.execPath, ...args] : args;
  const { stdout } = await run(command, argv, { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 600_000, env: { ...process.env, UV_THREADPOOL_SIZE: '1' } });
  const last = stdout.trim().split('\n').at(-1) ?? '[]';
  return { results: JSON.parse(last) as VerifyBenchResult[], pinned: TASKSET !== undefined };
}
