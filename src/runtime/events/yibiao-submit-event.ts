import type { SubmissionPayload } from '../../submission/index.js';

/** Detail of {@link YibiaoSubmitEvent}. */
export interface YibiaoSubmitDetail {
  /** The signed submission: a JWS compact serialisation (ES256) of the JCS payload. */
  readonly token: string;
  /** The payload that was signed (ticked sections only). */
  readonly payload: SubmissionPayload;
}

/**
 * Fired once per successful submission, after the data was validated and
 * signed. The host sends `detail.token` to its intake. Bubbles and crosses
 * shadow roots; not cancelable.
 *
 * @example
 * form.addEventListener('yibiao-submit', (e) => fetch('/intake', { method: 'POST', body: e.detail.token }));
 */
export class YibiaoSubmitEvent extends CustomEvent<YibiaoSubmitDetail> {
  /** The event's type. */
  static readonly eventName = 'yibiao-submit';

  constructor(detail: YibiaoSubmitDetail) {
    super(YibiaoSubmitEvent.eventName, { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'yibiao-submit': YibiaoSubmitEvent;
  }
}
