import { isRecord } from '../types/is-record.js';
import { childPointer } from './diagnostics.js';

/** A JSON object node met while walking, with its JSON pointer. */
export interface JsonNode {
  readonly pointer: string;
  readonly value: Record<string, unknown>;
}


/**
 * Visits every object in a JSON value, depth first, with its pointer.
 * Arrays are entered; primitives are skipped. Cycles are not followed.
 *
 * @param root - any JSON value.
 * @param visit - called once per object.
 */
export function walkObjects(root: unknown, visit: (node: JsonNode) => void): void {
  const seen = new Set<unknown>();
  const go = (value: unknown, pointer: string): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) go(item, childPointer(pointer, index));
      return;
    }
    if (isRecord(value)) {
      visit({ pointer, value });
      for (const [key, child] of Object.entries(value)) go(child, childPointer(pointer, key));
    }
  };
  go(root, '');
}

export { isRecord };
