import type { TemplateResult } from 'lit';
import type { FieldContext } from './field-context.js';
// In a built widget this import is the form's own table (the compiler's `fieldRenderersModule`).
import { RENDERERS } from './renderers.js';
import { renderText } from './text.js';

/**
 * Renders one field by its kind; an unknown kind (a newer model) renders as text.
 *
 * @param ctx - the field context.
 */
export function renderField(ctx: FieldContext): TemplateResult {
  const render = Object.hasOwn(RENDERERS, ctx.field.kind) ? RENDERERS[ctx.field.kind] : undefined;
  return (render ?? renderText)(ctx);
}
