import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, type FieldContext } from './field-context.js';
import { groupFrame } from './field-frame.js';

/**
 * Several choices (`kind: 'checkboxes'`), stored as an array of option values
 * in the options' order.
 *
 * @param ctx - the field context.
 */
export function renderCheckboxes(ctx: FieldContext): TemplateResult {
  const options = ctx.field.options ?? [];
  const chosen = new Set(Array.isArray(ctx.value) ? ctx.value : []);
  const invalid = ctx.error === undefined ? nothing : 'true';
  const toggle = (value: string, on: boolean): void => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v)));
    ctx.onValue(next.length === 0 ? undefined : next);
    ctx.onLeave();
  };
  const boxes = options.map((option, index) => {
    const id = index === 0 ? ctx.id : `${ctx.id}-${index}`;
    return html`<div class="option">
      <input
        part="control"
        class="checkbox"
        type="checkbox"
        id=${id}
        value=${option.value}
        .checked=${live(chosen.has(option.value))}
        ?disabled=${ctx.readonly}
        aria-invalid=${invalid}
        @change=${(e: Event) => toggle(option.value, (e.target as HTMLInputElement).checked)}
      />
      <label for=${id}>${option.label[ctx.lang]}</label>
    </div>`;
  });
  return groupFrame(ctx, html`${boxes}`, 'group', describedBy(ctx));
}
