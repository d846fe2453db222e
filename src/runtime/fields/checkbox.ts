import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, type FieldContext } from './field-context.js';
import { fieldMessages, requiredMarker } from './field-frame.js';

/**
 * A single yes/no tick (`kind: 'checkbox'`), e.g. the declaration. Ticked
 * writes `true`; unticked removes the value, so a required declaration is
 * reported as missing.
 *
 * @param ctx - the field context.
 */
export function renderCheckbox(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  return html`<div part="field" class="field ${ctx.error === undefined ? '' : 'field--error'}" data-path=${field.path}>
    ${fieldMessages(ctx)}
    <div class="option">
      <input
        part="control"
        class="checkbox"
        type="checkbox"
        id=${ctx.id}
        name=${field.path}
        .checked=${live(ctx.value === true)}
        ?disabled=${ctx.readonly}
        aria-required=${field.required ? 'true' : nothing}
        aria-invalid=${ctx.error === undefined ? nothing : 'true'}
        aria-describedby=${describedBy(ctx) ?? nothing}
        @change=${(e: Event) => {
          ctx.onValue((e.target as HTMLInputElement).checked ? true : undefined);
          ctx.onLeave();
        }}
      />
      <label part="label" for=${ctx.id}>${field.title[ctx.lang]}</label>${requiredMarker(ctx)}
    </div>
  </div>`;
}
