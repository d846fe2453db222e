import { html, type TemplateResult } from 'lit';
import { choiceOption, optionId } from './choice-option.js';
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
  const toggle = (value: string, on: boolean): void => {
    const next = options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v)));
    ctx.onValue(next.length === 0 ? undefined : next);
    ctx.onLeave();
  };
  const boxes = options.map((option, index) =>
    choiceOption(ctx, {
      type: 'checkbox',
      id: optionId(ctx.id, index),
      value: option.value,
      checked: chosen.has(option.value),
      label: option.label[ctx.lang],
      onChange: (e: Event) => toggle(option.value, (e.target as HTMLInputElement).checked),
    }),
  );
  return groupFrame(ctx, html`${boxes}`, 'group', describedBy(ctx));
}
