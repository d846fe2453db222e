import type { FieldCondition } from '../ir/types.js';

/**
 * Whether a field's `visibleWhen` condition holds for a value read from the
 * data: `equals` (const), `in` (enum) or `includes` (a list that contains the
 * value). The widget, the payload builder and the verifier all decide
 * "does this field apply" here, so they cannot disagree.
 *
 * @param condition - the field's condition.
 * @param value - the value at `condition.field` in the data.
 */
export function conditionHolds(condition: FieldCondition, value: unknown): boolean {
  if (condition.equals !== undefined) return value === condition.equals;
  if (condition.in !== undefined) return condition.in.some((v) => v === value);
  if (condition.includes !== undefined) return Array.isArray(value) && value.includes(condition.includes);
  return false;
}
