import type { LocalizedText } from '../../ir/types.js';
import type { DataLimit } from '../json-copy.js';

/** Detail of {@link YibiaoInvalidDataEvent}. */
export interface YibiaoInvalidDataDetail {
  /** Always `E_DATA_LIMIT`. */
  readonly code: 'E_DATA_LIMIT';
  /** `data`: an assignment to the `data` property (which also threw); `draft`: a stored draft (which was deleted). */
  readonly source: 'data' | 'draft';
  /** The limit passed: `depth` (32), `keys` (2,000 members), `string` (2,000 code points), `array` (100 items), `size` (256 KiB). */
  readonly limit: DataLimit;
  /** JSON pointer of the value that passed it. */
  readonly pointer: string;
  /** The limit's value. */
  readonly max: number;
  /** What happened, in both languages; names the limit and the pointer, never the data. */
  readonly message: LocalizedText;
}

/**
 * Fired when the element refuses data beyond its limits (the verifier's,
 * SECURITY.md §2 "Limits"): an assignment to `data` (the element keeps its
 * current data, and the setter throws a `TypeError` with the same message),
 * or a stored draft (deleted; the form starts empty with a notice). Nothing is
 * truncated. Bubbles and crosses shadow roots; not cancelable.
 *
 * @example
 * form.addEventListener('yibiao-invalid-data', (e) => report(e.detail.code, e.detail.limit, e.detail.pointer));
 */
export class YibiaoInvalidDataEvent extends CustomEvent<YibiaoInvalidDataDetail> {
  /** The event's type. */
  static readonly eventName = 'yibiao-invalid-data';

  constructor(detail: YibiaoInvalidDataDetail) {
    super(YibiaoInvalidDataEvent.eventName, { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'yibiao-invalid-data': YibiaoInvalidDataEvent;
  }
}
