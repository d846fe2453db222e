import type { Lang } from '../ir/types.js';
import type { CompiledForm } from './compiled-form.js';
import { hasEnglish } from './lazy/english.js';

/** What {@link FormLanguage} needs of its element. */
export interface FormLanguageHost {
  /** The `lang` attribute. */
  readonly lang: string;
  readonly hasUpdated: boolean;
  requestUpdate(): void;
}

/**
 * The language an element renders in. A built widget's model carries zh-CN
 * only until its English lazy part is in (`withLazyEnglish`): until then the
 * element renders in zh-CN — except that an English page waits for the
 * English before its first render (no flash of Chinese), and renders in
 * zh-CN after all if the part cannot be fetched (never a blank form).
 */
export class FormLanguage {
  readonly #host: FormLanguageHost;
  readonly #form: () => CompiledForm;
  readonly #arrived: () => void;
  /** The `lang` attribute when the English part last failed to load: not tried again until it changes. */
  #failedFor: string | undefined;

  /**
   * @param host - the element.
   * @param form - its compiled form.
   * @param arrived - called once the English texts are in (the element revalidates, so messages name fields in English).
   */
  constructor(host: FormLanguageHost, form: () => CompiledForm, arrived: () => void) {
    this.#host = host;
    this.#form = form;
    this.#arrived = arrived;
  }

  /** The language the `lang` attribute asks for. */
  get wanted(): Lang {
    return this.#host.lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  }

  /** The language rendered now: the one wanted, once its texts are in. */
  get current(): Lang {
    return this.wanted === 'en' && hasEnglish(this.#form()) ? 'en' : 'zh-CN';
  }

  /** Whether the element may render now; fetches the English texts when they are wanted and missing. */
  mayRender(): boolean {
    if (this.wanted === 'zh-CN' || hasEnglish(this.#form())) return true;
    const failed = this.#failedFor === this.#host.lang;
    if (!failed) this.request();
    return this.#host.hasUpdated || failed;
  }

  /** Fetches the English texts (once), then renders again; a failure renders zh-CN (tried again when `lang` changes). */
  request(): void {
    const load = this.#form().loadEnglish;
    if (load === undefined) return;
    load().then(
      () => {
        this.#arrived();
        this.#host.requestUpdate();
      },
      () => {
        this.#failedFor = this.#host.lang;
        this.#host.requestUpdate();
      },
    );
  }

  /** Resolves once the English texts, when wanted, are in or have failed to load. */
  async settled(): Promise<void> {
    if (this.wanted === 'en') await this.#form().loadEnglish?.().catch(() => undefined);
  }
}
