import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { uiText } from '../i18n/ui-text.js';
import { describedBy, type FieldContext, inputValue, textOrUndefined } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * A date that may be "permanent" (`kind: 'date-or-permanent'`), e.g. the expiry
 * of an ID card issued at 46 or older: a date input plus a “长期 / Permanent”
 * checkbox that writes `field.permanentValue` and disables the date.
 *
 * @param ctx - the field context.
 */
export function renderDateOrPermanent(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  const permanentValue = field.permanentValue ?? '长期';
  const permanent = ctx.value === permanentValue;
  const date = typeof ctx.value === 'string' && !permanent ? ctx.value : '';
  const invalid = ctx.error === undefined ? nothing : 'true';
  const described = describedBy(ctx) ?? nothing;
  const checkboxId = `${ctx.id}-permanent`;
  return singleFrame(
    ctx,
    html`<div class="date-or-permanent">
      <input
        part="control"
        class="input input--date"
        type="date"
        id=${ctx.id}
        name=${field.path}
        .value=${live(date)}
        ?disabled=${permanent}
        ?readonly=${ctx.readonly}
        aria-required=${field.required && !permanent ? 'true' : nothing}
        aria-invalid=${invalid}
        aria-describedby=${described}
        @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
        @blur=${ctx.onLeave}
      />
      <span class="option option--inline">
        <input
          part="control"
          class="checkbox"
          type="checkbox"
          id=${checkboxId}
          .checked=${live(permanent)}
          ?disabled=${ctx.readonly}
          aria-describedby=${described}
          @change=${(e: Event) => {
            ctx.onValue((e.target as HTMLInputElement).checked ? permanentValue : undefined);
            ctx.onLeave();
          }}
        />
        <label for=${checkboxId}>${uiText('permanent', ctx.lang)}</label>
      </span>
    </div>`,
  );
}
