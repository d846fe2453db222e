/**
 * Embed size: the module a page loads — minified JS, gzip -9, brotli q11 (the
 * settings of yibiao's own size report, src/compile/sizes.ts) — and whether it
 * imports anything lazily (a dynamic \`import(\`), which would be listed apart.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { ModuleSizes } from '../../src/compile/sizes.js';
import type { Page } from '../build/pages.js';

const gz = promisify(gzip);
const br = promisify(brotliCompress);

export interface SizeResult {
  readonly main: ModuleSizes;
  /** Lazily loaded parts: none of the bundles has a dynamic import today; found ones are named here. */
  readonly lazy: readonly string[];
}

/** Sizes of one page's module (compressions run on libuv's pool, so pages can be measured in parallel). */
export async function measureSize(page: Page): Promise<SizeResult> {
  const bytes = await readFile(page.mainFile);
  const [g, b] = await Promise.all([
    gz(bytes, { level: 9 }),
    br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  ]);
  const dynamic = /\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g;
  const lazy = [...new Set([...bytes.toString('utf8').matchAll(dynamic)].map((m) => m[1] ?? ''))];
  return { main: { min: bytes.byteLength, gzip: g.byteLength, brotli: b.byteLength }, lazy };
}
