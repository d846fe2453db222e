import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/forms.js';

/**
 * STYLE.md §2, the one hard rule: code that ships (runtime, submission, rules)
 * never imports the compiler, the schema tools, the CLI, ajv's code generator
 * or Node built-ins. `import type` is allowed.
 */
const SHIPPED = ['src/runtime', 'src/submission', 'src/rules'];
const FORBIDDEN = [/^node:/, /\/schema\//, /\/compile\//, /\/cli\//, /\/ajv\//, /^ajv$/, /^ajv\/dist\/(compile|standalone|core)/, /json-schema-ref-parser/, /^esbuild/, /^commander/];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : full.endsWith('.ts') ? [full] : [];
  });
}

describe('shipped code imports', () => {
  const all = SHIPPED.flatMap((dir) => files(path.join(ROOT, dir)));

  it('finds the shipped files', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it.each(all.map((f) => [path.relative(ROOT, f), f] as const))('%s imports nothing compile-time', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/^\s*(import|export)\s+(?!type\b)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[2] ?? '');
    const bad = imports.filter((specifier) => FORBIDDEN.some((pattern) => pattern.test(specifier)));
    expect(bad).toEqual([]);
  });
});
