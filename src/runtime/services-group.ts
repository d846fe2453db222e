import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FormModel, Lang } from '../ir/types.js';
import { optionId } from './fields/choice-option.js';
import { idForPath } from './fields/field-context.js';
import { uiText } from './i18n/ui-text.js';

/** Input of {@link renderServicesGroup}. */
export interface ServicesGroupOptions {
  readonly model: FormModel;
  readonly lang: Lang;
  readonly ticked: readonly string[];
  /** Messages shown here: the list's own and form- or section-level ones. */
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /**
   * Exclusions and prerequisites among the ticked services, shown under the
   * checkboxes as soon as a conflicting pair is ticked, in a live region.
   */
  readonly conflicts: readonly { readonly message: string; readonly severity: 'error' | 'warning' }[];
  readonly readonly: boolean;
  readonly onToggle: (service: string, on: boolean) => void;
}

/**
 * The services checkbox group (申请联办事项): one checkbox per service, each
 * label the service's title. Ticking a service shows its sections.
 * Form- and section-level problems are shown here, above the checkboxes;
 * mutual exclusions and prerequisites below them, live, where the person ticks.
 *
 * @param options - model, language, ticked ids, messages and the toggle handler.
 */
export function renderServicesGroup(options: ServicesGroupOptions): TemplateResult {
  const { model, lang, ticked } = options;
  const id = idForPath(model.servicesPath);
  const errorId = `${id}-error`;
  const warningId = `${id}-warning`;
  const conflictId = `${id}-conflicts`;
  const described = [
    options.errors.length > 0 ? errorId : '',
    options.warnings.length > 0 ? warningId : '',
    options.conflicts.length > 0 ? conflictId : '',
  ]
    .filter(Boolean)
    .join(' ');
  const invalid = options.errors.length > 0 || options.conflicts.some((c) => c.severity === 'error') ? 'true' : nothing;
  return html`<fieldset part="section" class="section section--services ${options.errors.length > 0 ? 'field--error' : ''}" aria-describedby=${described || nothing}>
    <legend part="section-title" class="section-title">${model.servicesTitle[lang]}<span class="required-marker" aria-hidden="true">*</span></legend>
    ${options.errors.length === 0
      ? nothing
      : html`<div part="error-message" class="error-message" id=${errorId}>
          ${options.errors.map((m) => html`<p><span class="visually-hidden">${uiText('errorPrefix', lang)}</span>${m}</p>`)}
        </div>`}
    ${options.warnings.length === 0
      ? nothing
      : html`<div class="warning-message" id=${warningId}>
          ${options.warnings.map((m) => html`<p><span class="visually-hidden">${uiText('warningPrefix', lang)}</span>${m}</p>`)}
        </div>`}
    <div class="options" part="field">
      ${model.services.map((service, index) => {
        const boxId = optionId(id, index);
        // The seed's 受理条件, under the service it conditions.
        const hintId = service.condition === undefined ? undefined : `${boxId}-hint`;
        return html`<div class="option option--service">
          <input
            part="control"
            class="checkbox"
            type="checkbox"
            id=${boxId}
            value=${service.id}
            .checked=${live(ticked.includes(service.id))}
            ?disabled=${options.readonly}
            aria-invalid=${invalid}
            aria-describedby=${hintId ?? nothing}
            @change=${(e: Event) => options.onToggle(service.id, (e.target as HTMLInputElement).checked)}
          />
          <div class="option__text">
            <label for=${boxId}>${service.title[lang]}</label>
            ${service.condition === undefined ? nothing : html`<p part="hint" class="hint option__hint" id=${hintId}>${service.condition[lang]}</p>`}
          </div>
        </div>`;
      })}
    </div>
    <div class="conflicts" id=${conflictId} aria-live="polite">
      ${options.conflicts.map(
        (c) => html`<p part=${c.severity === 'error' ? 'error-message' : 'warning-message'} class=${c.severity === 'error' ? 'error-message' : 'warning-message'}>
          <span class="visually-hidden">${uiText(c.severity === 'error' ? 'errorPrefix' : 'warningPrefix', lang)}</span>${c.message}
        </p>`,
      )}
    </div>
  </fieldset>`;
}
