import { type FormData, readPointer } from './form-state.js';

/**
 * The text typed into number inputs, by field path, so that a re-render never
 * rewrites `05` as `5`; and, per section, an epoch that changes whenever one
 * of its texts changes (part of the section's render key, see `sectionDeps`).
 */
export class TypedText {
  readonly #texts = new Map<string, string>();
  /** Bumped per section when one of its texts changes. */
  readonly #epochs = new Map<string, number>();
  /** Bumped when every text is cleared: every section's key changes. */
  #generation = 0;

  /** The typed texts by field path. */
  get texts(): ReadonlyMap<string, string> {
    return this.#texts;
  }

  /**
   * Records the text of a field (or forgets it, for `undefined`); a change
   * moves its section's epoch on.
   *
   * @param path - the field's data path, `/<section>/<field>`.
   * @param text - the typed text.
   */
  set(path: string, text: string | undefined): void {
    if (this.#texts.get(path) === text) return;
    if (text === undefined) this.#texts.delete(path);
    else this.#texts.set(path, text);
    const section = path.split('/')[1] ?? '';
    this.#epochs.set(section, (this.#epochs.get(section) ?? 0) + 1);
  }

  /**
   * Forgets every text (the data was replaced), then takes `texts` over as they are.
   *
   * @param texts - texts by path, from a restored draft; none by default.
   */
  replace(texts: Readonly<Record<string, string>> = {}): void {
    this.#texts.clear();
    this.#epochs.clear();
    this.#generation += 1;
    for (const [path, text] of Object.entries(texts)) this.#texts.set(path, text);
  }

  /**
   * The render epoch of a section: changes whenever one of its texts changes.
   *
   * @param section - the section key.
   */
  epochOf(section: string): string {
    return `${this.#generation}:${this.#epochs.get(section) ?? 0}`;
  }

  /**
   * The texts of the fields that have a value in `data` (what a draft keeps).
   *
   * @param data - the data the draft keeps.
   */
  keptIn(data: FormData): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [path, text] of this.#texts) if (readPointer(data, path) !== undefined) kept[path] = text;
    return kept;
  }
}
