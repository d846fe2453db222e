import type { TemplateResult } from 'lit';
import type { FieldContext } from './field-context.js';
import { singleFrame } from './field-frame.js';
import { inputControl } from './input-control.js';

/**
 * A year and month (`kind: 'year-month'`): `<input type="month">`, whose value
 * is `YYYY-MM`, the form's `year-month` format.
 *
 * @param ctx - the field context.
 */
export function renderYearMonth(ctx: FieldContext): TemplateResult {
  return singleFrame(ctx, inputControl(ctx, { type: 'month', class: 'input input--month', placeholder: 'YYYY-MM' }));
}
