import type { TemplateResult } from 'lit';
import type { FieldKind } from '../../ir/types.js';
import { renderAddress } from './address.js';
import { renderCheckbox } from './checkbox.js';
import { renderCheckboxes } from './checkboxes.js';
import { renderDate } from './date.js';
import { renderDateOrPermanent } from './date-or-permanent.js';
import type { FieldContext } from './field-context.js';
import { renderFile } from './file.js';
import { renderNumber } from './number.js';
import { renderRadio } from './radio.js';
import { renderSelect } from './select.js';
import { renderText } from './text.js';
import { renderTextarea } from './textarea.js';
import { renderYearMonth } from './year-month.js';
import { renderYesNo } from './yes-no.js';

/** The render function of each field kind; `satisfies` makes a new kind a type error until it has one. */
const RENDERERS = {
  text: renderText,
  textarea: renderTextarea,
  number: renderNumber,
  integer: renderNumber,
  date: renderDate,
  'year-month': renderYearMonth,
  'date-or-permanent': renderDateOrPermanent,
  select: renderSelect,
  radio: renderRadio,
  checkboxes: renderCheckboxes,
  'yes-no': renderYesNo,
  checkbox: renderCheckbox,
  address: renderAddress,
  region: renderAddress,
  file: renderFile,
} as const satisfies Record<FieldKind, (ctx: FieldContext) => TemplateResult>;

/**
 * Renders one field by its kind; an unknown kind (a newer model) renders as text.
 *
 * @param ctx - the field context.
 */
export function renderField(ctx: FieldContext): TemplateResult {
  const render = Object.hasOwn(RENDERERS, ctx.field.kind) ? RENDERERS[ctx.field.kind] : renderText;
  return render(ctx);
}
