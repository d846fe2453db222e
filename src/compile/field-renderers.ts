import type { FormModel } from '../ir/types.js';
import { rendererExport } from '../runtime/fields/renderer-export.js';
import { identifier, JsCode, js, jsonLiteral, stringLiteral } from './emit.js';

/** The field kinds a form's sections use, sorted. */
export function fieldKinds(model: FormModel): string[] {
  return [...new Set(model.sections.flatMap((section) => section.fields.map((field) => field.kind)))].sort();
}

/**
 * Source of a form's own renderer table: the runtime's `fields/renderers.ts`
 * exports of the kinds the form uses, and nothing else, so that the bundler
 * leaves the others out of the widget (shandong ships no address or upload
 * field). A kind the runtime has no renderer for fails the build (esbuild:
 * no matching export), never silently.
 *
 * @param model - the form model.
 * @param renderers - module specifier of `src/runtime/fields/renderers.ts`.
 */
export function fieldRenderersModule(model: FormModel, renderers: string): string {
  const kinds = fieldKinds(model);
  const names = kinds.map((kind) => identifier(rendererExport(kind)));
  const imports = new JsCode(names.join(', '));
  const members = new JsCode(kinds.map((kind, i) => js`${jsonLiteral(kind)}: ${names[i] as JsCode}`).join(', '));
  return js`import { ${imports} } from ${stringLiteral(renderers)};
/** The renderers of this form's field kinds. */
export const RENDERERS = { ${members} };
`;
}
