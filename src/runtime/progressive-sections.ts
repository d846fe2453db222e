import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SectionModel } from '../ir/types.js';

/** Forms with more fields than this render their sections over several tasks on the first render. */
export const PROGRESSIVE_FROM_FIELDS = 300;
/** About how many fields each of those tasks renders. */
export const PROGRESSIVE_CHUNK_FIELDS = 60;

/**
 * How many of `sections`, from the first, hold at least `fields` fields (at least one section).
 *
 * @param sections - the sections in form order.
 * @param from - the first section to count.
 * @param fields - the number of fields wanted.
 */
export function sectionsHolding(sections: readonly SectionModel[], from: number, fields: number): number {
  let count = 0;
  let held = 0;
  for (let i = from; i < sections.length && (count === 0 || held < fields); i += 1) {
    held += sections[i]?.fields.length ?? 0;
    count += 1;
  }
  return count;
}

/**
 * Renders a large form's sections over several tasks the first time: the
 * first ~60 fields at once, then ~60 more a task, so that the first fields
 * take input before the 1,000th is built (a first render of 1,000 fields is
 * ~1 s of main-thread work, docs/benchmarks.md §3). A form of up to 300
 * fields, and every render after the first has completed, renders every
 * section at once. The host's `updateComplete` waits for the last section.
 */
export class ProgressiveSections implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  /** How many sections to render; `Infinity` once the first render is complete. */
  #limit: number | undefined;
  #sections: readonly SectionModel[] = [];
  #cancel: (() => void) | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** Whether some sections are still to be rendered. */
  get pending(): boolean {
    return this.#limit !== undefined && this.#limit < this.#sections.length;
  }

  /**
   * The sections to render now, from those that apply.
   *
   * @param sections - every applicable section, in form order.
   */
  take(sections: readonly SectionModel[]): readonly SectionModel[] {
    this.#sections = sections;
    if (this.#limit === undefined) {
      const fields = sections.reduce((n, s) => n + s.fields.length, 0);
      this.#limit = fields > PROGRESSIVE_FROM_FIELDS ? sectionsHolding(sections, 0, PROGRESSIVE_CHUNK_FIELDS) : Number.POSITIVE_INFINITY;
    }
    if (this.#limit >= sections.length) {
      this.#limit = Number.POSITIVE_INFINITY;
      return sections;
    }
    return sections.slice(0, this.#limit);
  }

  hostUpdated(): void {
    if (!this.pending || this.#cancel !== undefined) return;
    const next = (): void => {
      this.#cancel = undefined;
      const limit = this.#limit ?? 0;
      this.#limit = limit + sectionsHolding(this.#sections, limit, PROGRESSIVE_CHUNK_FIELDS);
      this.#host.requestUpdate();
    };
    // A task of its own: a key or a click that came in meanwhile is handled first.
    const handle = setTimeout(next, 0);
    this.#cancel = () => clearTimeout(handle);
  }

  hostDisconnected(): void {
    // Taken out of the page mid-way: the rest is rendered at once when it comes back.
    this.#cancel?.();
    this.#cancel = undefined;
    if (this.#limit !== undefined) this.#limit = Number.POSITIVE_INFINITY;
  }
}
