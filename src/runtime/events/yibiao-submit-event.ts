import type { SubmissionPayload } from '../../submission/index.js';

/** Detail of {@link YibiaoSubmitEvent}. */
export interface YibiaoSubmitDetail {
  /** The signed submission: a JWS compact serialisation (ES256) of the JCS payload. */
  readonly token: string;
  /** The payload that was signed (ticked sections only); `payload.attachments` lists each file's SHA-256. */
  readonly payload: SubmissionPayload;
  /** The files to upload beside the token, exactly the bytes whose digests were signed (EXIF/GPS stripped). */
  readonly files: readonly SubmittedFile[];
}

/** A file sent with a submission. */
export interface SubmittedFile {
  /** The name in `payload.attachments`, unique within the submission. */
  readonly name: string;
  /** `image/jpeg`, `image/png` or `application/pdf`, from the file's bytes. */
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/**
 * Fired once per successful submission, after the data was validated and
 * signed. The host sends `detail.token` to its intake. Bubbles and crosses
 * shadow roots; not cancelable.
 *
 * @example
 * form.addEventListener('yibiao-submit', (e) => send(e.detail.token, e.detail.files));
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
