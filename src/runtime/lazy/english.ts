import type { CompiledForm } from '../compiled-form.js';
import { fillEnglish } from '../i18n/localized-texts.js';
import { extendForm } from './extend-form.js';
import { lazyPart } from './lazy-part.js';

/**
 * A compiled form whose model's English texts are a lazy part: the model
 * carries zh-CN only until `loadEnglish()` has imported them (once; a
 * failed import is tried again) and put them back, after which
 * `englishLoaded` is true. The element renders in zh-CN until then (an
 * English page waits for them before its first render). The generated entry
 * of every built widget calls this.
 *
 * @param form - the form with a zh-CN-only model.
 * @param load - the dynamic import of the English texts.
 * @example
 * withLazyEnglish(form, () => import('./english-part.js').then((m) => m.ENGLISH));
 */
export function withLazyEnglish(form: CompiledForm, load: () => Promise<readonly (string | null)[]>): CompiledForm {
  let loaded = false;
  const loadEnglish = lazyPart(async () => {
    fillEnglish(form.model, await load());
    loaded = true;
  });
  return extendForm(form, {
    englishLoaded: { get: () => loaded, enumerable: true },
    loadEnglish: { value: loadEnglish, enumerable: true },
  });
}

/**
 * Whether a form's model has its English texts: always, unless they are a
 * lazy part not loaded yet.
 *
 * @param form - a compiled form.
 */
export function hasEnglish(form: CompiledForm): boolean {
  return form.loadEnglish === undefined || form.englishLoaded === true;
}
