import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { FieldModel, Lang } from '../ir/types.js';
import type { Signer } from '../submission/index.js';
import type { CompiledForm } from './compiled-form.js';
import { focusControl, renderErrorSummary } from './error-summary.js';
import { YibiaoChangeEvent } from './events/yibiao-change-event.js';
import { YibiaoInvalidEvent } from './events/yibiao-invalid-event.js';
import { YibiaoSubmitEvent } from './events/yibiao-submit-event.js';
import {
  applicableSections,
  cloneJson,
  type FormData,
  normalizeFieldValue,
  readPointer,
  submissionData,
  tickedServices,
  writePointer,
} from './form-state.js';
import { uiText } from './i18n/ui-text.js';
import { issuesByPlace, summaryEntries } from './issue-layout.js';
import { renderSection } from './section.js';
import { renderServicesGroup } from './services-group.js';
import { formStyles } from './styles/form.styles.js';
import { SubmissionController, type SubmitResult } from './submission-controller.js';
import { validateData } from './validate.js';
import type { ValidationIssue, ValidationResult } from './validation-types.js';

export type { SubmitResult } from './submission-controller.js';

const EMPTY: ValidationResult = { valid: true, errors: [], warnings: [] };

/**
 * A joint-service application form rendered from a compiled form (model +
 * standalone validator). Not registered itself: {@link defineForm} binds a
 * subclass to one form and registers it as `yibiao-<formId>`.
 *
 * @attr lang - `zh-CN` (default) or `en`; switching re-renders live and keeps the data.
 * @attr readonly - shows the data without letting it change; hides the submit button.
 * @event yibiao-change - a value changed; detail `{ path, value }`.
 * @event yibiao-invalid - a submission was refused; detail `{ errors }`.
 * @event yibiao-submit - the data was validated and signed; detail `{ token, payload }`.
 * @csspart form - the `<form>`.
 * @csspart section - each section's `<fieldset>` (and the services group).
 * @csspart section-title - each section's `<legend>`.
 * @csspart field - each field's wrapper.
 * @csspart label - each field's `<label>` or group `<legend>`.
 * @csspart hint - each field's hint.
 * @csspart control - each input, select, textarea, radio and checkbox.
 * @csspart error-message - each inline error.
 * @csspart error-summary - the error summary box.
 * @csspart actions - the row of buttons.
 * @csspart submit - the submit button.
 * @cssproperty --yibiao-font-family - font of the whole form.
 * @cssproperty --yibiao-color-text - text and control border colour.
 * @cssproperty --yibiao-color-error - errors, `*`, error summary border.
 * @cssproperty --yibiao-color-focus - focus outline.
 * @cssproperty --yibiao-color-primary - submit button background.
 * @cssproperty --yibiao-error-summary-border-color - falls back to `--yibiao-color-error`.
 * @cssstate invalid - the last validation found errors.
 * @cssstate submitting - a submission is being signed.
 * @cssstate submitted - the last submission was signed.
 */
export class YibiaoFormElement extends LitElement {
  static override styles = formStyles;

  /** The form this class renders; set by {@link defineForm} on a subclass. */
  static compiledForm: CompiledForm | undefined;

  /** UI language: `zh-CN` (default) or `en`. Reflected, so screen readers read the content in it. */
  @property({ reflect: true }) override accessor lang = 'zh-CN';

  /** Shows the data without letting it change. */
  @property({ type: Boolean, reflect: true }) accessor readonly = false;

  #data: FormData = {};
  /** Typed text of number inputs, so a re-render never rewrites `05` as `5`. */
  readonly #raw = new Map<string, string>();
  /** Fields the person has left once: their problems are shown from then on. */
  readonly #touched = new Set<string>();
  #attempted = false;
  #summaryVisible = false;
  #focusSummary = false;
  /**
   * Set while the element moves focus itself or re-renders: the blur that
   * causes (focus to the summary, a focused field removed with its section)
   * must not rewrite the text or schedule an update from inside one.
   */
  #quiet = false;
  #result: ValidationResult = EMPTY;
  readonly #submission = new SubmissionController(this);
  readonly #internals: ElementInternals | undefined = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;

  constructor() {
    super();
    // A host may set properties before this module loaded; take them over (upgrade pattern).
    for (const name of ['data', 'signer'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = (this as Record<string, unknown>)[name];
      delete (this as Record<string, unknown>)[name];
      if (name === 'data') this.data = value;
      else this.signer = value as Signer | undefined;
    }
  }

  /** The bound form; throws a programmer error when the class was not made by `defineForm`. */
  get #form(): CompiledForm {
    const form = (this.constructor as typeof YibiaoFormElement).compiledForm;
    if (form === undefined) throw new TypeError('YibiaoFormElement: use defineForm() to bind a compiled form');
    return form;
  }

  get #lang(): Lang {
    return this.lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
  }

  /** A deep copy of everything typed, including unticked sections kept in memory. */
  get data(): Record<string, unknown> {
    return cloneJson(this.#data) as Record<string, unknown>;
  }

  /** Replaces the data with a deep copy of `value` (forbidden keys dropped). */
  set data(value: unknown) {
    const copy = cloneJson(value);
    this.#data = copy !== null && typeof copy === 'object' && !Array.isArray(copy) ? (copy as FormData) : {};
    this.#raw.clear();
    this.#revalidate();
  }

  /** The signer used on submit; `createDeviceSigner()` is called on first need unless one is set. */
  get signer(): Signer | undefined {
    return this.#submission.signer;
  }

  set signer(value: Signer | undefined) {
    this.#submission.signer = value;
  }

  /**
   * Validates the data that would be submitted and shows every problem inline.
   *
   * @returns the verdict, localised in both languages.
   */
  validate(): ValidationResult {
    this.#attempted = true;
    return this.#revalidate();
  }

  /**
   * Normalises, validates, then signs the ticked sections. On invalid data it
   * shows and focuses the error summary, fires `yibiao-invalid` and resolves
   * `{ valid: false, errors }`, leaving every typed character in place. While a
   * submission is being signed, further calls return the same promise; the same
   * data submitted again yields the same token (one signature, one record).
   *
   * @returns `{ valid: true, token, payload }` or `{ valid: false, errors }`.
   * @throws when signing fails (`YibiaoVerifyError` from the submission module).
   */
  submit(): Promise<SubmitResult> {
    return this.#submission.once(() => this.#submit());
  }

  /** Clears the data and every shown problem. */
  reset(): void {
    this.#touched.clear();
    this.#attempted = false;
    this.#summaryVisible = false;
    this.#submission.forget();
    this.data = {};
    this.#setState('submitted', false);
  }

  async #submit(): Promise<SubmitResult> {
    this.#attempted = true;
    const { model } = this.#form;
    const candidate = submissionData(model, this.#data);
    const result = this.#revalidate();
    if (!result.valid) {
      this.#summaryVisible = true;
      this.#focusSummary = true;
      await this.updateComplete;
      this.dispatchEvent(new YibiaoInvalidEvent({ errors: result.errors }));
      return { valid: false, errors: result.errors, warnings: result.warnings };
    }
    this.#setState('submitting', true);
    try {
      const { token, payload } = await this.#submission.sign({ model, data: candidate, lang: this.#lang });
      this.#setState('submitted', true);
      this.dispatchEvent(new YibiaoSubmitEvent({ token, payload }));
      return { valid: true, token, payload, warnings: result.warnings };
    } finally {
      this.#setState('submitting', false);
    }
  }

  #revalidate(): ValidationResult {
    const form = this.#form;
    this.#result = validateData(form, submissionData(form.model, this.#data));
    this.#setState('invalid', this.#attempted && !this.#result.valid);
    if (this.#result.valid) this.#summaryVisible = false;
    this.requestUpdate();
    return this.#result;
  }

  #setState(state: 'invalid' | 'submitting' | 'submitted', on: boolean): void {
    const states = this.#internals?.states;
    if (states === undefined) return;
    if (on) states.add(state);
    else states.delete(state);
  }

  #change(path: string, value: unknown): void {
    if (this.readonly) return;
    this.#data = writePointer(this.#data, path, value);
    this.#revalidate();
    this.dispatchEvent(new YibiaoChangeEvent({ path, value: cloneJson(value) }));
  }

  #leave(field: FieldModel): void {
    if (this.readonly) return;
    this.#touched.add(field.path);
    if (this.#quiet) return;
    const value = readPointer(this.#data, field.path);
    const normalized = normalizeFieldValue(field, value);
    if (field.kind !== 'number' && field.kind !== 'integer' && normalized !== value) this.#change(field.path, normalized);
    else this.#revalidate();
  }

  #toggleService(service: string, on: boolean): void {
    const { model } = this.#form;
    const current = tickedServices(model, this.#data);
    const next = model.services.map((s) => s.id).filter((id) => (id === service ? on : current.includes(id)));
    this.#touched.add(model.servicesPath);
    this.#change(model.servicesPath, next);
  }

  protected override update(changed: PropertyValues): void {
    this.#quiet = true;
    try {
      super.update(changed);
    } finally {
      this.#quiet = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.#focusSummary) return;
    this.#focusSummary = false;
    // Focusing the summary blurs the field being typed in; that blur must not
    // normalise it: an invalid submit leaves every typed character as it was.
    this.#quiet = true;
    try {
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
    } finally {
      this.#quiet = false;
    }
  }

  #shown(path: string): boolean {
    return this.#attempted || this.#touched.has(path);
  }

  protected override render(): TemplateResult {
    const { model } = this.#form;
    const lang = this.#lang;
    const data = this.#data;
    const errors = issuesByPlace(model, data, this.#result.errors);
    const warnings = issuesByPlace(model, data, this.#result.warnings);
    const messages = (map: Map<string, ValidationIssue[]>, path: string): string[] =>
      this.#shown(path) ? (map.get(path) ?? []).map((i) => i.message[lang]) : [];
    const signing = this.#submission.signing;
    return html`<form part="form" class="form" novalidate @submit=${this.#onSubmit}>
      ${this.#summaryVisible ? renderErrorSummary({ entries: summaryEntries(model, errors, lang), lang, onSelect: (id) => focusControl(this.renderRoot, id) }) : nothing}
      ${renderServicesGroup({
        model,
        lang,
        ticked: tickedServices(model, data),
        errors: messages(errors, model.servicesPath),
        warnings: messages(warnings, model.servicesPath),
        readonly: this.readonly,
        onToggle: (service, on) => this.#toggleService(service, on),
      })}
      ${applicableSections(model, data).map((section) =>
        renderSection({
          section,
          lang,
          data,
          raw: this.#raw,
          messageAt: (path) => ({ error: messages(errors, path)[0], warning: messages(warnings, path)[0] }),
          readonly: this.readonly,
          onValue: (field, value, raw) => {
            if (raw === undefined) this.#raw.delete(field.path);
            else this.#raw.set(field.path, raw);
            this.#change(field.path, value);
          },
          onLeave: (field) => this.#leave(field),
        }),
      )}
      ${this.readonly
        ? nothing
        : html`<div part="actions" class="actions">
            <button part="submit" class="submit" type="submit" aria-disabled=${signing ? 'true' : 'false'}>
              ${uiText(signing ? 'submitting' : 'submit', lang)}
            </button>
          </div>`}
    </form>`;
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Outcomes are reported by events and by submit()'s promise; a signing
    // failure is for a host calling submit() to handle, not an unhandled rejection.
    this.submit().catch(() => undefined);
  };
}
