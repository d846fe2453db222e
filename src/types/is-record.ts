/**
 * Whether a parsed JSON value is an object (not `null`, not an array): the
 * one check every reader of untrusted JSON in yibiao starts from.
 *
 * @param value - any value.
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
