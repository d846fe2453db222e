import { html, nothing, type TemplateResult } from 'lit';
import type { Lang } from '../ir/types.js';
import { uiText } from './i18n/ui-text.js';

/** One line of the error summary: the message and the control it leads to. */
export interface ErrorSummaryEntry {
  /** ID of the control to focus. */
  readonly target: string;
  /** The message, in the current language. */
  readonly message: string;
}

/** Input of {@link renderErrorSummary}. */
export interface ErrorSummaryOptions {
  readonly entries: readonly ErrorSummaryEntry[];
  readonly lang: Lang;
  /** Called when a link is followed (click, or Enter, which clicks a link). */
  readonly onSelect: (target: string) => void;
}

/**
 * The GOV.UK Frontend error summary: a focusable outer box (`tabindex="-1"`,
 * focused when shown) around an inner `role="alert"` container, a heading and
 * one link per problem. Links carry an in-page `href` so that they are real
 * links to assistive technology, but the default navigation is cancelled: it
 * would rewrite the host page's URL, and the target lives in our shadow root.
 *
 * @param options - entries, language and the link handler.
 * @returns the summary, or `nothing` when there is no entry.
 */
export function renderErrorSummary(options: ErrorSummaryOptions): TemplateResult | typeof nothing {
  const { entries, lang, onSelect } = options;
  if (entries.length === 0) return nothing;
  return html`<div part="error-summary" class="error-summary" tabindex="-1">
    <div role="alert">
      <h2 class="error-summary__title">${uiText('errorSummaryTitle', lang)}</h2>
      <ul class="error-summary__list">
        ${entries.map(
          (entry) => html`<li>
            <a
              href=${`#${entry.target}`}
              data-target=${entry.target}
              @click=${(e: Event) => {
                e.preventDefault();
                onSelect(entry.target);
              }}
              >${entry.message}</a
            >
          </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/**
 * Follows an error-summary link the GOV.UK way: scrolls the field's label (or,
 * for a radio or checkbox, its group's legend) into view, so the question is
 * seen and not just the control, then focuses the control without scrolling again.
 *
 * @param root - the shadow root that holds the control.
 * @param id - the control's ID.
 */
export function focusControl(root: HTMLElement | DocumentFragment, id: string): void {
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (control === null) return;
  const legend = control.closest('fieldset')?.querySelector('legend') ?? null;
  const label = root.querySelector(`label[for="${CSS.escape(id)}"]`);
  const choice = control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox');
  const heading = choice ? (legend ?? label) : (label ?? legend);
  heading?.scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: heading !== null });
}
