import type { FormModel } from '../ir/types.js';
import { identifier, JsCode, js, jsonLiteral, stringLiteral } from './emit.js';
import { fieldKinds } from './field-renderers.js';

/** The custom element tag of a form: `yibiao-<formId>`. */
export function tagName(formId: string): string {
  return `yibiao-${formId}`;
}

/** The class name of a form's element: `Yibiao<FormId>Form`. */
export function className(formId: string): string {
  return `Yibiao${formId.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase())}Form`;
}

/** Module specifiers a component entry imports. */
export interface EntryImports {
  /** The runtime's `define-form`. */
  readonly defineForm: string;
  /** The standalone validator (a module exporting `validate`). */
  readonly validator: string;
  /** The 省/市/县 tree module (imported lazily, only by forms with an address or region field). */
  readonly divisions: string;
  /** `src/runtime/lazy/divisions.ts` (`withDivisions`); without it the tree is imported eagerly. */
  readonly lazyDivisions?: string;
  /** `src/runtime/lazy/validator.ts` (`withLazyValidator`); without it the validator is imported eagerly. */
  readonly lazyValidator?: string;
  /**
   * The English lazy part and `src/runtime/lazy/english.ts` (`withLazyEnglish`):
   * the model given is then the zh-CN-only one `splitEnglish` returned, and
   * the part its English texts.
   */
  readonly lazyEnglish?: { readonly part: string; readonly loader: string };
}

/**
 * Source of the entry module bundled into `widget/dist/<id>.js`: it imports
 * the runtime and the standalone validator and defines the element. The model
 * is inlined as an escaped JSON literal. With `lazyValidator` the validator
 * is a dynamic `import()` (a lazy part, fetched while the form first
 * renders); a form with a 省/市/县 field imports the division tree with a
 * dynamic `import()` (loaded after the first render) when `lazyDivisions` is
 * given; with `lazyEnglish` the model's English texts are a lazy part too.
 * Without them everything is imported statically (the designer's preview).
 *
 * @param model - the form model.
 * @param imports - module specifiers of the runtime's `define-form`, the validator and the division tree.
 * @param divisions - whether the form carries the tree (default: when it has an address or region field;
 *   also when its validator uses `yibiaoDivision`).
 */
export function componentEntry(model: FormModel, imports: EntryImports, divisions: boolean = needsDivisions(model)): string {
  const lines = [js`import { defineForm } from ${stringLiteral(imports.defineForm)};`];
  const lazyTree = divisions && imports.lazyDivisions !== undefined;
  if (divisions && !lazyTree) lines.push(js`import { DIVISIONS as divisions } from ${stringLiteral(imports.divisions)};`);
  const base = divisions && !lazyTree ? 'model, divisions' : 'model';
  let form: string;
  if (imports.lazyValidator === undefined) {
    lines.push(js`import { validate } from ${stringLiteral(imports.validator)};`);
    form = `{ ${base}, validate }`;
  } else {
    lines.push(js`import { withLazyValidator } from ${stringLiteral(imports.lazyValidator)};`);
    form = js`withLazyValidator({ ${new JsCode(base)} }, () => import(${stringLiteral(imports.validator)}).then((m) => m.validate))`;
  }
  if (lazyTree) {
    lines.push(js`import { withDivisions } from ${stringLiteral(imports.lazyDivisions ?? '')};`);
    form = js`withDivisions(${new JsCode(form)}, () => import(${stringLiteral(imports.divisions)}).then((m) => m.DIVISIONS))`;
  }
  const english = imports.lazyEnglish;
  if (english !== undefined) {
    lines.push(js`import { withLazyEnglish } from ${stringLiteral(english.loader)};`);
    form = js`withLazyEnglish(${new JsCode(form)}, () => import(${stringLiteral(english.part)}).then((m) => m.ENGLISH))`;
  }
  return `${lines.join('\n')}\n${js`
/** The model of this form, as the generator built it. */
export const model = ${jsonLiteral(model)};
/** The element class of this form (defineForm registers its tag). */
export const ${identifier(className(model.id))} = defineForm({ tag: ${stringLiteral(tagName(model.id))}, form: ${new JsCode(form)} });
`}`;
}

/** Whether a validator's source calls the `yibiaoDivision` keyword (and so checks codes against the tree). */
export function usesDivisionKeyword(validatorSource: string): boolean {
  return /\byibiaoRules\.yibiaoDivision\b/.test(validatorSource);
}

/** Whether a form has an address or region field, and so needs the division tree. */
export function needsDivisions(model: FormModel): boolean {
  return fieldKinds(model).some((kind) => kind === 'address' || kind === 'region');
}
