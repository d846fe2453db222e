import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A multi-line text field (`kind: 'textarea'`), e.g. a postal address.
 *
 * @param ctx - the field context.
 */
export function renderTextarea(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return singleFrame(
    ctx,
    html`<textarea
      part="control"
      class="textarea"
      id=${ctx.id}
      name=${field.path}
      rows="3"
      .value=${live(displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      maxlength=${field.maxLength ?? nothing}
      autocomplete=${field.autocomplete ?? nothing}
      placeholder=${field.placeholder?.[ctx.lang] ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
      @blur=${ctx.onLeave}
    ></textarea>`,
  );
}
