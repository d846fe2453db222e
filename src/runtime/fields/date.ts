import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A calendar date (`kind: 'date'`): `<input type="date">`, whose value is
 * `YYYY-MM-DD` whatever the display locale.
 *
 * @param ctx - the field context.
 */
export function renderDate(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return singleFrame(
    ctx,
    html`<input
      part="control"
      class="input input--date"
      type="date"
      id=${ctx.id}
      name=${field.path}
      .value=${live(displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      autocomplete=${field.autocomplete ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
      @blur=${ctx.onLeave}
    />`,
  );
}
