import { html, nothing, type TemplateResult } from 'lit';
import { uiText } from '../i18n/ui-text.js';
import { type FieldContext, fieldIds } from './field-context.js';

/** The visible `*` of a required field; hidden from screen readers, which hear `aria-required`. */
export function requiredMarker(ctx: FieldContext): TemplateResult | typeof nothing {
  return ctx.field.required ? html`<span class="required-marker" aria-hidden="true">*</span>` : nothing;
}

/** The hint, inline error and warning of a field, each with the ID the control points at. */
export function fieldMessages(ctx: FieldContext): TemplateResult {
  const ids = fieldIds(ctx.id);
  const { hint } = ctx.field;
  return html`${hint === undefined ? nothing : html`<p part="hint" class="hint" id=${ids.hint}>${hint[ctx.lang]}</p>`}${
    ctx.error === undefined
      ? nothing
      : html`<p part="error-message" class="error-message" id=${ids.error}><span class="visually-hidden">${uiText('errorPrefix', ctx.lang)}</span>${ctx.error}</p>`
  }${
    ctx.warning === undefined
      ? nothing
      : html`<p class="warning-message" id=${ids.warning}><span class="visually-hidden">${uiText('warningPrefix', ctx.lang)}</span>${ctx.warning}</p>`
  }`;
}

/**
 * The frame of a field with one labelled control: label (text = the field's
 * title, so the accessible name equals the visible label), `*`, hint, error,
 * then the control — GOV.UK Frontend's order.
 *
 * @param ctx - the field context.
 * @param control - the control, whose ID is `ctx.id`.
 */
export function singleFrame(ctx: FieldContext, control: TemplateResult): TemplateResult {
  return html`<div part="field" class="field ${ctx.error === undefined ? '' : 'field--error'}" data-path=${ctx.field.path}>
    <div class="label-row"><label part="label" for=${ctx.id}>${ctx.field.title[ctx.lang]}</label>${requiredMarker(ctx)}</div>
    ${fieldMessages(ctx)} ${control}
  </div>`;
}

/**
 * The frame of a group of options (radios, checkboxes): a fieldset whose legend
 * is the field's title; each option has its own label.
 *
 * @param ctx - the field context.
 * @param options - the options; the first control's ID is `ctx.id`.
 * @param role - `radiogroup` where one answer is chosen, so that `aria-required` is allowed.
 * @param describedBy - the IDs the group is described by.
 */
export function groupFrame(
  ctx: FieldContext,
  options: TemplateResult,
  role: 'radiogroup' | 'group',
  describedBy: string | undefined,
): TemplateResult {
  const required = role === 'radiogroup' && ctx.field.required ? 'true' : undefined;
  return html`<div part="field" class="field ${ctx.error === undefined ? '' : 'field--error'}" data-path=${ctx.field.path}>
    <fieldset class="group" role=${role} aria-required=${required ?? nothing} aria-describedby=${describedBy ?? nothing}>
      <legend part="label">${ctx.field.title[ctx.lang]}${requiredMarker(ctx)}</legend>
      ${fieldMessages(ctx)}
      <div class="options">${options}</div>
    </fieldset>
  </div>`;
}
