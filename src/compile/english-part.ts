import type { FormModel } from '../ir/types.js';
import { localizedTexts } from '../runtime/i18n/localized-texts.js';
import { js, jsonLiteral } from './emit.js';

/** A model without its English texts, and those texts in `localizedTexts` order. */
export interface SplitModel {
  readonly model: FormModel;
  readonly english: readonly (string | null)[];
}

/**
 * Splits the English texts off a model (a copy; `model` is not changed), so
 * that a built widget carries zh-CN in its entry and English as a lazy part
 * (`fillEnglish` puts them back).
 *
 * @param model - the full model.
 */
export function splitEnglish(model: FormModel): SplitModel {
  const copy = JSON.parse(JSON.stringify(model)) as FormModel;
  const english = localizedTexts(copy).map((text) => {
    const en = text.en ?? null;
    delete text.en;
    return en;
  });
  return { model: copy, english };
}

/**
 * Source of the English lazy part: `export const ENGLISH = [...]`.
 *
 * @param english - the texts {@link splitEnglish} returned.
 */
export function englishPartModule(english: readonly (string | null)[]): string {
  return js`/** The English texts of this form's model, in localizedTexts order (src/runtime/i18n/localized-texts.ts). */
export const ENGLISH = ${jsonLiteral(english)};
`;
}
