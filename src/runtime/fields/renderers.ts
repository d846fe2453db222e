/**
 * The field renderers, one named export per field kind (the kind in
 * camelCase, `rendererExport`) and all of them as {@link RENDERERS}.
 * A built widget imports only the exports of the kinds its form has (the
 * compiler's `fieldRenderersModule`), so a form without an address or file
 * field does not ship their code.
 */
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

/** Renders one field of its kind. */
export type FieldRenderer = (ctx: FieldContext) => TemplateResult;

/** The renderers a form uses, by field kind; a kind without one renders as text. */
export type FieldRenderers = Readonly<Partial<Record<FieldKind, FieldRenderer>>>;

export const text: FieldRenderer = renderText;
export const textarea: FieldRenderer = renderTextarea;
export const number: FieldRenderer = renderNumber;
export const integer: FieldRenderer = renderNumber;
export const date: FieldRenderer = renderDate;
export const yearMonth: FieldRenderer = renderYearMonth;
export const dateOrPermanent: FieldRenderer = renderDateOrPermanent;
export const select: FieldRenderer = renderSelect;
export const radio: FieldRenderer = renderRadio;
export const checkboxes: FieldRenderer = renderCheckboxes;
export const yesNo: FieldRenderer = renderYesNo;
export const checkbox: FieldRenderer = renderCheckbox;
export const address: FieldRenderer = renderAddress;
export const region: FieldRenderer = renderAddress;
export const file: FieldRenderer = renderFile;

/** Every renderer; `satisfies` makes a new kind a type error until it has one. */
export const RENDERERS: FieldRenderers = {
  text,
  textarea,
  number,
  integer,
  date,
  'year-month': yearMonth,
  'date-or-permanent': dateOrPermanent,
  select,
  radio,
  checkboxes,
  'yes-no': yesNo,
  checkbox,
  address,
  region,
  file,
} satisfies Record<FieldKind, FieldRenderer>;
