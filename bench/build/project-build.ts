/** `npm run build` (every real form), timed, with the per-form times it prints. */
import { spawn } from 'node:child_process';
import { ROOT } from '../lib/config.js';

export interface ProjectBuild {
  readonly ok: boolean;
  readonly ms: number;
  /** Forms the build reported as built (✓), with the time it printed. */
  readonly forms: readonly { readonly id: string; readonly ms: number }[];
  /** Forms it reported as not built (✗). */
  readonly failed: readonly string[];
  readonly output: string;
}

export function npmRunBuild(): Promise<ProjectBuild> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('close', (code) => {
      const forms = [...output.matchAll(/^✓ ([a-z][a-z0-9-]*) → .*\((\d+) ms\)$/gm)].map((m) => ({ id: m[1] ?? '', ms: Number(m[2]) }));
      const failed = [...output.matchAll(/^✗ ([a-z][a-z0-9-]*): not built/gm)].map((m) => m[1] ?? '');
      resolve({ ok: code === 0, ms: performance.now() - started, forms, failed, output });
    });
  });
}
