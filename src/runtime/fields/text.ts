import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A one-line text field (`kind: 'text'`).
 *
 * @param ctx - the field context.
 */
export function renderText(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return singleFrame(
    ctx,
    html`<input
      part="control"
      class="input"
      type="text"
      id=${ctx.id}
      name=${field.path}
      .value=${live(displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      maxlength=${field.maxLength ?? nothing}
      inputmode=${field.inputMode ?? nothing}
      autocomplete=${field.autocomplete ?? (field.sensitive === true ? 'off' : nothing)}
      spellcheck="false"
      placeholder=${field.placeholder?.[ctx.lang] ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
      @blur=${ctx.onLeave}
    />`,
  );
}
