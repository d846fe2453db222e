/**
 * The texts of a form model in both languages, found the same way by the
 * compiler (which splits the English off a built widget's model) and by the
 * widget (which puts it back when the English part has loaded): every object
 * whose members are `zh-CN` (a string) and at most `en`, in depth-first
 * member order.
 */

type Text = { 'zh-CN': string; en?: string | undefined };

function isText(value: object): value is Text {
  const keys = Object.keys(value);
  return typeof (value as Text)['zh-CN'] === 'string' && keys.every((k) => k === 'zh-CN' || k === 'en');
}

/**
 * The localised texts in `node`, in depth-first order (arrays by index,
 * objects by member order); a text's own members are not searched.
 *
 * @param node - a model, or any part of one.
 */
export function localizedTexts(node: unknown): Text[] {
  const out: Text[] = [];
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    if (!Array.isArray(value) && isText(value)) {
      out.push(value);
      continue;
    }
    const children = Array.isArray(value) ? value : Object.values(value);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
  return out;
}

/**
 * Puts the English texts split off by the compiler back into the model, in
 * place (the model is the widget module's own literal).
 *
 * @param model - the model without its English texts.
 * @param english - one entry per localised text, in {@link localizedTexts} order (`null` where there was none).
 * @throws {TypeError} when the counts differ (the part belongs to another build).
 */
export function fillEnglish(model: unknown, english: readonly (string | null)[]): void {
  const texts = localizedTexts(model);
  if (texts.length !== english.length) {
    throw new TypeError(`the English part has ${english.length} texts, the model ${texts.length}: they are not of the same build`);
  }
  texts.forEach((text, i) => {
    const en = english[i];
    if (typeof en === 'string') text.en = en;
  });
}

/**
 * A text in `lang`, or in zh-CN where the English is not (yet) there.
 *
 * @param text - a localised text.
 * @param lang - the language wanted.
 */
export function textIn(text: { readonly 'zh-CN': string; readonly en?: string }, lang: 'zh-CN' | 'en'): string {
  return text[lang] ?? text['zh-CN'];
}
