/**
 * Embed size: what a page loads before the form can be used — its module plus
 * everything that module imports statically (eagerly), transitively — each
 * file minified, gzip -9 and brotli q11 (the settings of yibiao's own size
 * report, src/compile/sizes.ts) and summed, as a browser fetches them one by
 * one. Modules reached only through a dynamic `import()` (yibiao's signing,
 * drafts, files and 省/市/县 parts) are lazy parts, listed apart with their own sizes.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { type ModuleSizes, totalSizes } from '../../src/compile/sizes.js';
import type { Page } from '../build/pages.js';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

/** A module loaded on first need, relative to the page's module. */
export interface LazyPart {
  readonly file: string;
  readonly sizes: ModuleSizes;
}

export interface SizeResult {
  /** The module and its eager (static) imports, each file compressed on its own, summed. */
  readonly main: ModuleSizes;
  /** How many files `main` is (1 for a self-contained bundle). */
  readonly eagerFiles: number;
  /** Lazily loaded parts (dynamic `import()` and what only they import), with their sizes. */
  readonly lazy: readonly LazyPart[];
}

const STATIC = /\bimport\s*(?:[\w${},\s*]*from\s*)?"(\.{1,2}\/[^"]+)"/g;
const DYNAMIC = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

async function sizesOf(bytes: Buffer): Promise<ModuleSizes> {
  const [g, b] = await Promise.all([gz(bytes, { level: 9 }), br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })]);
  return { min: bytes.byteLength, gzip: g.byteLength, brotli: b.byteLength };
}

/**
 * The files reachable from `roots` through static imports (relative
 * specifiers only; a bare one would not load in a page anyway), each with the
 * dynamic imports it makes.
 */
async function closure(roots: readonly string[], seen: Set<string>): Promise<{ files: Map<string, Buffer>; dynamic: Set<string> }> {
  const files = new Map<string, Buffer>();
  const dynamic = new Set<string>();
  const queue = roots.filter((f) => !seen.has(f));
  for (const f of queue) seen.add(f);
  while (queue.length > 0) {
    const file = queue.shift() as string;
    const bytes = await readFile(file);
    files.set(file, bytes);
    const text = bytes.toString('utf8');
    for (const [, spec = ''] of text.matchAll(DYNAMIC)) dynamic.add(path.resolve(path.dirname(file), spec));
    for (const [, spec = ''] of text.matchAll(STATIC)) {
      const target = path.resolve(path.dirname(file), spec);
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return { files, dynamic };
}

/** Sizes of one page's module, eager imports included, and of its lazy parts (compressions run on libuv's pool, so pages can be measured in parallel). */
export async function measureSize(page: Page): Promise<SizeResult> {
  const seen = new Set<string>();
  const eager = await closure([page.mainFile], seen);
  const main = totalSizes(await Promise.all([...eager.files.values()].map(sizesOf)));
  const lazy: LazyPart[] = [];
  let pending = [...eager.dynamic];
  while (pending.length > 0) {
    const reached = await closure(pending, seen);
    for (const [file, bytes] of reached.files) lazy.push({ file: path.relative(path.dirname(page.mainFile), file).split(path.sep).join('/'), sizes: await sizesOf(bytes) });
    pending = [...reached.dynamic].filter((f) => !seen.has(f));
  }
  lazy.sort((a, b) => a.file.localeCompare(b.file));
  return { main, eagerFiles: eager.files.size, lazy };
}
