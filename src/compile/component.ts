import type { FormModel } from '../ir/types.js';
import { identifier, JsCode, js, jsonLiteral, stringLiteral } from './emit.js';

/** The custom element tag of a form: `yibiao-<formId>`. */
export function tagName(formId: string): string {
  return `yibiao-${formId}`;
}

/** The class name of a form's element: `Yibiao<FormId>Form`. */
export function className(formId: string): string {
  return `Yibiao${formId.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}Form`;
}

/**
 * Source of the entry module bundled into `widget/dist/<id>.js`: it imports
 * the runtime and the standalone validator and defines the element. The model
 * is inlined as an escaped JSON literal.
 *
 * @param model - the form model.
 * @param imports - module specifiers of the runtime's `define-form` and of the validator.
 */
export function componentEntry(model: FormModel, imports: { defineForm: string; validator: string; divisions: string }): string {
  const head = js`import { defineForm } from ${stringLiteral(imports.defineForm)};
import { validate } from ${stringLiteral(imports.validator)};
`;
  // Only forms with a 省/市/县 field carry the division tree (about 28 kB gzip).
  const divisions = needsDivisions(model)
    ? js`import { DIVISIONS as divisions } from ${stringLiteral(imports.divisions)};
`
    : '';
  const form = needsDivisions(model) ? js`{ model, validate, divisions }` : js`{ model, validate }`;
  return `${head}${divisions}${js`
/** The model of this form, as the generator built it. */
export const model = ${jsonLiteral(model)};

/** The element class of this form (defineForm registers its tag). */
export const ${identifier(className(model.id))} = defineForm({ tag: ${stringLiteral(tagName(model.id))}, form: ${new JsCode(form)} });
`}`;
}

/** Whether a form has an address or region field, and so needs the division tree. */
export function needsDivisions(model: FormModel): boolean {
  return model.sections.some((section) => section.fields.some((field) => field.kind === 'address' || field.kind === 'region'));
}
