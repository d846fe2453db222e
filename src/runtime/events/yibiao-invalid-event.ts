import type { ValidationIssue } from '../validation-types.js';

/** Detail of {@link YibiaoInvalidEvent}. */
export interface YibiaoInvalidDetail {
  /** Every blocking problem, localised in both languages, in form order. */
  readonly errors: readonly ValidationIssue[];
}

/**
 * Fired when a submission is refused because the data is not valid; the error
 * summary is shown and focused at the same time. Bubbles and crosses shadow roots.
 *
 * @example
 * form.addEventListener('yibiao-invalid', (e) => console.log(e.detail.errors.length));
 */
export class YibiaoInvalidEvent extends CustomEvent<YibiaoInvalidDetail> {
  /** The event's type. */
  static readonly eventName = 'yibiao-invalid';

  constructor(detail: YibiaoInvalidDetail) {
    super(YibiaoInvalidEvent.eventName, { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'yibiao-invalid': YibiaoInvalidEvent;
  }
}
