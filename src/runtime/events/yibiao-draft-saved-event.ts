/** Detail of {@link YibiaoDraftSavedEvent}. */
export interface YibiaoDraftSavedDetail {
  /** When the encrypted draft was written, milliseconds since the epoch. */
  readonly savedAt: number;
  /** When it stops being restored (`savedAt` + `draft-ttl`), milliseconds since the epoch. */
  readonly expiresAt: number;
}

/**
 * Fired after the encrypted draft was written to IndexedDB (1 s after the
 * last change, or when the page is hidden). Carries no form data. Bubbles and
 * crosses shadow roots; not cancelable.
 *
 * @example
 * form.addEventListener('yibiao-draft-saved', (e) => status.textContent = new Date(e.detail.savedAt).toLocaleTimeString());
 */
export class YibiaoDraftSavedEvent extends CustomEvent<YibiaoDraftSavedDetail> {
  /** The event's type. */
  static readonly eventName = 'yibiao-draft-saved';

  constructor(detail: YibiaoDraftSavedDetail) {
    super(YibiaoDraftSavedEvent.eventName, { bubbles: true, composed: true, cancelable: false, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'yibiao-draft-saved': YibiaoDraftSavedEvent;
  }
}
