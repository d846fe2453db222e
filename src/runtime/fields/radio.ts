import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizedText } from '../../ir/types.js';
import { describedBy, type FieldContext } from './field-context.js';
import { groupFrame } from './field-frame.js';

/** One choice of a radio group: the value written and its label. */
export interface RadioChoice {
  readonly value: string | boolean;
  readonly label: LocalizedText;
}

/**
 * Radios for a list of choices; shared by `radio` and `yes-no`.
 *
 * @param ctx - the field context.
 * @param choices - the choices, in order; the first radio gets `ctx.id`.
 */
export function renderRadioChoices(ctx: FieldContext, choices: readonly RadioChoice[]): TemplateResult {
  const invalid = ctx.error === undefined ? nothing : 'true';
  const options = choices.map((choice, index) => {
    const id = index === 0 ? ctx.id : `${ctx.id}-${index}`;
    return html`<div class="option">
      <input
        part="control"
        class="radio"
        type="radio"
        id=${id}
        name=${ctx.id}
        value=${String(choice.value)}
        .checked=${live(ctx.value === choice.value)}
        ?disabled=${ctx.readonly}
        aria-invalid=${invalid}
        @change=${() => {
          ctx.onValue(choice.value);
          ctx.onLeave();
        }}
      />
      <label for=${id}>${choice.label[ctx.lang]}</label>
    </div>`;
  });
  return groupFrame(ctx, html`${options}`, 'radiogroup', describedBy(ctx));
}

/**
 * One choice out of a few (`kind: 'radio'`), e.g. 性别.
 *
 * @param ctx - the field context.
 */
export function renderRadio(ctx: FieldContext): TemplateResult {
  return renderRadioChoices(
    ctx,
    (ctx.field.options ?? []).map((o) => ({ value: o.value, label: o.label })),
  );
}
