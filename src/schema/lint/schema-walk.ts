import { childPointer } from '../diagnostics.js';
import { isRecord } from '../walk.js';

/** Keywords whose value is one subschema. */
const SINGLE = ['additionalItems', 'additionalProperties', 'contains', 'else', 'if', 'items', 'not', 'propertyNames', 'then'];
/** Keywords whose value is an array of subschemas. */
const LIST = ['allOf', 'anyOf', 'items', 'oneOf'];
/** Keywords whose value maps names to subschemas. */
const MAP = ['definitions', 'dependencies', 'patternProperties', 'properties'];

/** A subschema met while walking, with its pointer and the keyword path that led to it. */
export interface SchemaNode {
  readonly pointer: string;
  readonly schema: Record<string, unknown>;
  /** The key under `properties` this schema is the value of, if any. */
  readonly propertyName?: string;
}

/**
 * Visits every subschema of a JSON Schema (draft-07 applicators only), so
 * that keys under `properties` are treated as names, not keywords.
 *
 * @param root - a schema.
 * @param visit - called for each subschema.
 */
export function walkSchema(root: unknown, visit: (node: SchemaNode) => void): void {
  const go = (schema: unknown, pointer: string, propertyName?: string): void => {
    if (!isRecord(schema)) return;
    visit(propertyName === undefined ? { pointer, schema } : { pointer, schema, propertyName });
    for (const keyword of SINGLE) {
      const value = schema[keyword];
      if (isRecord(value)) go(value, childPointer(pointer, keyword));
    }
    for (const keyword of LIST) {
      const value = schema[keyword];
      if (!Array.isArray(value)) continue;
      for (const [i, item] of value.entries()) go(item, childPointer(childPointer(pointer, keyword), i));
    }
    for (const keyword of MAP) {
      const value = schema[keyword];
      if (!isRecord(value)) continue;
      for (const [name, child] of Object.entries(value)) {
        go(child, childPointer(childPointer(pointer, keyword), name), keyword === 'properties' ? name : undefined);
      }
    }
  };
  go(root, '');
}
