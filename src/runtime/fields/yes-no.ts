import type { TemplateResult } from 'lit';
import { UI_TEXT } from '../i18n/ui-text.js';
import type { FieldContext } from './field-context.js';
import { renderRadioChoices } from './radio.js';

/**
 * A yes/no question (`kind: 'yes-no'`): two radios writing `true` or `false`,
 * or the field's own two options when the schema enumerates strings.
 *
 * @param ctx - the field context.
 */
export function renderYesNo(ctx: FieldContext): TemplateResult {
  const options = ctx.field.options;
  if (options !== undefined && options.length > 0) {
    return renderRadioChoices(ctx, options.map((o) => ({ value: o.value, label: o.label })));
  }
  return renderRadioChoices(ctx, [
    { value: true, label: UI_TEXT.yes },
    { value: false, label: UI_TEXT.no },
  ]);
}
