import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A year and month (`kind: 'year-month'`): `<input type="month">`, whose value
 * is `YYYY-MM`, the form's `year-month` format.
 *
 * @param ctx - the field context.
 */
export function renderYearMonth(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return singleFrame(
    ctx,
    html`<input
      part="control"
      class="input input--month"
      type="month"
      id=${ctx.id}
      name=${field.path}
      .value=${live(displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      placeholder="YYYY-MM"
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
      @blur=${ctx.onLeave}
    />`,
  );
}
