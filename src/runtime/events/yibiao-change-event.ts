/** Detail of {@link YibiaoChangeEvent}. */
export interface YibiaoChangeDetail {
  /** JSON pointer of what changed (`/services` for the services list). */
  readonly path: string;
  /** The new value as held in memory (`undefined` when the field was emptied). */
  readonly value: unknown;
}

/**
 * Fired when the applicant changes a value (every keystroke, tick or choice).
 * Bubbles and crosses shadow roots; not cancelable (nothing to prevent).
 *
 * @example
 * form.addEventListener('yibiao-change', (e) => console.log(e.detail.path));
 */
export class YibiaoChangeEvent extends CustomEvent<YibiaoChangeDetail> {
  /** The event's type. */
  static readonly eventName = 'yibiao-change';

  constructor(detail: YibiaoChangeDetail) {
    super(YibiaoChangeEvent.eventName, { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'yibiao-change': YibiaoChangeEvent;
  }
}
