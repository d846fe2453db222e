/**
 * The value a CommonJS module exports as `default`. Node's ESM loader gives
 * `module.exports` as the default import, while bundlers (esbuild, vite)
 * honour `__esModule` and give `exports.default`; ajv ships CommonJS, so this
 * accepts both.
 */
export function cjsDefault<T>(imported: T | { default: T }): T {
  return typeof imported === 'object' && imported !== null && 'default' in imported && (imported as { default: T }).default !== undefined
    ? (imported as { default: T }).default
    : (imported as T);
}
