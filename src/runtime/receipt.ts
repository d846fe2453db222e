import { html, nothing, type TemplateResult } from 'lit';
import type { FormModel, Lang } from '../ir/types.js';
import type { SubmissionPayload } from '../submission/index.js';
import { uiText } from './i18n/ui-text.js';

/** What the receipt shows about a signed submission (made by `receipt-digest.ts`, a lazy part). */
export interface Receipt {
  readonly payload: SubmissionPayload;
  /** SHA-256 (hex) of the payload's RFC 8785 bytes: the bytes that were signed. */
  readonly digest: string;
  /** The intake's reference for the record, given with `acknowledge()`. */
  readonly reference?: string;
}

/** `iat` as a Beijing-time date and time, `2026-11-23 14:05:09`. */
function beijingTime(seconds: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(seconds * 1000));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} (UTC+8)`;
}

/**
 * The receipt shown after a successful submission (part `receipt`): form
 * title, the services applied for, the time, the submission's nonce, the
 * payload digest and, once the host acknowledged it, the intake's reference,
 * with a print button (part `print`).
 *
 * @param options - the receipt, the form and the language.
 */
export function renderReceipt(options: { readonly receipt: Receipt; readonly model: FormModel; readonly lang: Lang }): TemplateResult {
  const { receipt, model, lang } = options;
  const { payload } = receipt;
  const titles = model.services.filter((s) => payload.services.includes(s.id)).map((s) => s.title[lang]);
  return html`<section part="receipt" class="receipt" tabindex="-1" aria-labelledby="yb-receipt-title">
    <h2 class="receipt__title" id="yb-receipt-title">${uiText('receiptTitle', lang)}</h2>
    <dl class="receipt__list">
      <dt>${uiText('receiptForm', lang)}</dt>
      <dd>${model.title[lang]}</dd>
      <dt>${uiText('receiptServices', lang)}</dt>
      <dd><ul>${titles.map((t) => html`<li>${t}</li>`)}</ul></dd>
      <dt>${uiText('receiptTime', lang)}</dt>
      <dd>${beijingTime(payload.iat)}</dd>
      <dt>${uiText('receiptNonce', lang)}</dt>
      <dd class="receipt__code">${payload.nonce}</dd>
      <dt>${uiText('receiptDigest', lang)}</dt>
      <dd class="receipt__code">${receipt.digest}</dd>
      ${receipt.reference === undefined
        ? nothing
        : html`<dt>${uiText('receiptReference', lang)}</dt>
            <dd class="receipt__code">${receipt.reference}</dd>`}
    </dl>
    <button type="button" part="print" class="secondary-button" @click=${() => globalThis.print()}>${uiText('print', lang)}</button>
  </section>`;
}
