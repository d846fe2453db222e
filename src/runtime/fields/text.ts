import type { TemplateResult } from 'lit';
import type { FieldContext } from './field-context.js';
import { singleFrame } from './field-frame.js';
import { inputControl } from './input-control.js';

/**
 * A one-line text field (`kind: 'text'`).
 *
 * @param ctx - the field context.
 */
export function renderText(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return singleFrame(
    ctx,
    inputControl(ctx, {
      type: 'text',
      class: 'input',
      maxlength: field.maxLength,
      inputmode: field.inputMode,
      autocomplete: field.autocomplete ?? (field.sensitive === true ? 'off' : undefined),
      spellcheck: 'false',
      placeholder: field.placeholder?.[ctx.lang],
    }),
  );
}
