import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Sizes of a built module in bytes. */
export interface ModuleSizes {
  readonly min: number;
  readonly gzip: number;
  readonly brotli: number;
}

/**
 * Measures a (minified) module: raw, gzip -9 and brotli q11 bytes.
 * Deterministic for the same input, so budgets can be asserted in tests.
 */
export function moduleSizes(code: Uint8Array | string): ModuleSizes {
  const bytes = typeof code === 'string' ? Buffer.from(code, 'utf8') : Buffer.from(code);
  return {
    min: bytes.byteLength,
    gzip: gzipSync(bytes, { level: 9 }).byteLength,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength,
  };
}

/**
 * The sum of several files' sizes, each compressed on its own (as a browser
 * fetches them): what loading all of them costs.
 *
 * @param parts - the sizes of each file.
 */
export function totalSizes(parts: readonly ModuleSizes[]): ModuleSizes {
  return parts.reduce((sum, p) => ({ min: sum.min + p.min, gzip: sum.gzip + p.gzip, brotli: sum.brotli + p.brotli }), { min: 0, gzip: 0, brotli: 0 });
}
