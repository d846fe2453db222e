import type { TemplateResult } from 'lit';
import type { FieldContext } from './field-context.js';
import { singleFrame } from './field-frame.js';
import { inputControl } from './input-control.js';

/**
 * A calendar date (`kind: 'date'`): `<input type="date">`, whose value is
 * `YYYY-MM-DD` whatever the display locale.
 *
 * @param ctx - the field context.
 */
export function renderDate(ctx: FieldContext): TemplateResult {
  return singleFrame(ctx, inputControl(ctx, { type: 'date', class: 'input input--date', autocomplete: ctx.field.autocomplete }));
}
