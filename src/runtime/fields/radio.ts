import { html, type TemplateResult } from 'lit';
import type { LocalizedText } from '../../ir/types.js';
import { choiceOption, optionId } from './choice-option.js';
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
  const options = choices.map((choice, index) =>
    choiceOption(ctx, {
      type: 'radio',
      id: optionId(ctx.id, index),
      name: ctx.id,
      value: String(choice.value),
      checked: ctx.value === choice.value,
      label: choice.label[ctx.lang],
      onChange: () => {
        ctx.onValue(choice.value);
        ctx.onLeave();
      },
    }),
  );
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
