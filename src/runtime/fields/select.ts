import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { uiText } from '../i18n/ui-text.js';
import { describedBy, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A drop-down list (`kind: 'select'`), with an empty first choice.
 * Selection is bound on each `<option>`, not on the `<select>`: Lit commits the
 * select's own bindings before its options exist on first render.
 *
 * @param ctx - the field context.
 */
export function renderSelect(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  const options = field.options ?? [];
  const selected = typeof ctx.value === 'string' ? ctx.value : '';
  return singleFrame(
    ctx,
    html`<select
      part="control"
      class="select"
      id=${ctx.id}
      name=${field.path}
      ?disabled=${ctx.readonly}
      autocomplete=${field.autocomplete ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @change=${(e: Event) => {
        ctx.onValue(textOrUndefined(inputValue(e)));
        ctx.onLeave();
      }}
      @blur=${ctx.onLeave}
    >
      <option value="" .selected=${live(selected === '')}>${uiText('choose', ctx.lang)}</option>
      ${options.map(
        (option) => html`<option value=${option.value} .selected=${live(selected === option.value)}>${option.label[ctx.lang]}</option>`,
      )}
    </select>`,
  );
}
