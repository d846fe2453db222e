import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Lang } from '../ir/types.js';
import type { Signer } from '../submission/index.js';
import type { CompiledForm } from './compiled-form.js';
import { setCustomState } from './custom-states.js';
import { adoptEarlyProperties, refuseData } from './data-intake.js';
import { takeFormData } from './data-limits.js';
import { focusControl } from './error-summary.js';
import { createFormContext, type FormContext } from './form-context.js';
import { FormLanguage } from './form-language.js';
import { cloneJson } from './form-state.js';
import { renderForm } from './form-view.js';
import { isFramedCrossOrigin } from './frame-guard.js';
import { loadDivisionsWhenIdle } from './lazy/divisions.js';
import { loadValidator } from './lazy/validator.js';
import { whenIdle } from './lazy/when-idle.js';
import { formStyles } from './styles/form.styles.js';
import { printStyles } from './styles/print.styles.js';
import type { SubmitResult } from './submission-controller.js';
import { acknowledgeSubmission, submitForm } from './submit-flow.js';
import type { ValidationResult } from './validation-types.js';

export type { SubmitResult } from './submission-controller.js';

/**
 * A joint-service application form rendered from a compiled form (model +
 * standalone validator). Not registered itself: {@link defineForm} binds a
 * subclass to one form and registers it as `yibiao-<formId>`.
 *
 * @attr lang - `zh-CN` (default) or `en`; switching re-renders live and keeps the data.
 * @attr readonly - shows the data without letting it change; hides the submit button.
 * @attr draft-key - separates drafts of the same form on one device (e.g. per signed-in user); default `default`.
 * @attr draft-ttl - how long a draft may be restored: seconds, or a number with `s`/`m`/`h`/`d` (`7d`, the default).
 * @attr no-draft - keeps no draft at all (shared or public computers).
 * @event yibiao-change - a value changed; detail `{ path, value }` (`#material/<id>` for files, value = file count).
 * @event yibiao-invalid - a submission was refused; detail `{ errors }`.
 * @event yibiao-submit - the data was validated and signed; detail `{ token, payload, files }`. Send the token, then call `acknowledge()`.
 * @event yibiao-invalid-data - data beyond the limits was refused (an assignment to `data`, or a stored draft); detail `{ code, source, limit, pointer, max, message }`.
 * @event yibiao-draft-saved - the encrypted draft was written; detail `{ savedAt, expiresAt }`.
 * @slot help - extra content for the end of the help panel (the host's own guidance or links).
 * @csspart form - the `<form>`.
 * @csspart help - the help panel (`<details>`): phones, time limits, departments, notes.
 * @csspart notice - the draft notice (restored, or drafts unavailable).
 * @csspart section - each section's `<fieldset>` (and the services group and materials).
 * @csspart section-title - each section's `<legend>`.
 * @csspart field - each field's wrapper.
 * @csspart label - each field's `<label>` or group `<legend>`.
 * @csspart hint - each field's hint.
 * @csspart control - each input, select, textarea, radio, checkbox and file input.
 * @csspart error-message - each inline error.
 * @csspart warning-message - each inline warning under the services.
 * @csspart error-summary - the error summary box.
 * @csspart remove - the button removing an attached file.
 * @csspart recipients - the list of departments that receive the application.
 * @csspart actions - the row of buttons.
 * @csspart submit - the submit button.
 * @csspart receipt - the receipt shown after a successful submission.
 * @csspart print - the receipt's print button.
 * @cssproperty --yibiao-font-family - font of the whole form.
 * @cssproperty --yibiao-font-size - base font size (default `1rem`).
 * @cssproperty --yibiao-line-height - line height (default `1.5`).
 * @cssproperty --yibiao-space - base spacing unit (default `1rem`).
 * @cssproperty --yibiao-radius - corner radius of controls and sections (default `0`).
 * @cssproperty --yibiao-color-text - text and control border colour.
 * @cssproperty --yibiao-color-secondary-text - hints.
 * @cssproperty --yibiao-color-border - section borders.
 * @cssproperty --yibiao-color-error - errors, `*`, error summary border.
 * @cssproperty --yibiao-color-warning - warnings.
 * @cssproperty --yibiao-color-focus - focus outline (`:focus-visible`).
 * @cssproperty --yibiao-color-primary - submit button background.
 * @cssproperty --yibiao-color-accent - radios, checkboxes, links.
 * @cssproperty --yibiao-color-notice - background of the draft notice and receipt.
 * @cssproperty --yibiao-focus-width - width of the focus outline (default `3px`).
 * @cssproperty --yibiao-control-max-width - widest a text control grows (default `32em`).
 * @cssproperty --yibiao-section-border-color - falls back to `--yibiao-color-border`.
 * @cssproperty --yibiao-error-summary-border-color - falls back to `--yibiao-color-error`.
 * @cssproperty --yibiao-submit-background - falls back to `--yibiao-color-primary`.
 * @cssstate invalid - the last validation found errors.
 * @cssstate submitting - a submission is being signed.
 * @cssstate submitted - the last submission was signed.
 */
export class YibiaoFormElement extends LitElement {
  static override styles = [formStyles, printStyles];

  /** The form this class renders; set by {@link defineForm} on a subclass. */
  static compiledForm: CompiledForm | undefined;

  /** UI language: `zh-CN` (default) or `en`. Reflected, so screen readers read the content in it. */
  @property({ reflect: true }) override accessor lang = 'zh-CN';

  /** Shows the data without letting it change. */
  @property({ type: Boolean, reflect: true }) accessor readonly = false;

  /** Separates drafts of this form on one device; read when the element first renders. */
  @property({ attribute: 'draft-key' }) accessor draftKey: string | null = null;

  /** How long a draft may be restored (`7d` by default). */
  @property({ attribute: 'draft-ttl' }) accessor draftTtl: string | null = null;

  /** Keeps no draft (shared computers). */
  @property({ type: Boolean, attribute: 'no-draft' }) accessor noDraft = false;

  /**
   * Lets the form be submitted inside a frame of another origin. Off by
   * default: another site could overlay the form and trick a person into
   * signing (SECURITY.md §2 "Host"). A property, so only script of the
   * widget's own page can set it.
   */
  allowCrossOriginFrame = false;

  /** The language rendered: the `lang` attribute's, once its texts are in (see `FormLanguage`). */
  readonly #language = new FormLanguage(this, () => this.#form, () => {
    // Messages formatted before the English arrived named fields in zh-CN: a fresh verdict.
    if (this.#ctx.validation.validated) this.#ctx.validation.validate();
  });

  /** The element's state and controllers: see `createFormContext`. */
  readonly #ctx: FormContext = createFormContext(this, {
    form: () => this.#form,
    lang: () => this.#language.current,
    framed: () => !this.allowCrossOriginFrame && isFramedCrossOrigin(),
  });

  constructor() {
    super();
    // A host may set properties before this module loaded; take them over (upgrade pattern).
    adoptEarlyProperties(this);
  }

  /** The bound form; throws a programmer error when the class was not made by `defineForm`. */
  get #form(): CompiledForm {
    const form = (this.constructor as typeof YibiaoFormElement).compiledForm;
    if (form === undefined) throw new TypeError('YibiaoFormElement: use defineForm() to bind a compiled form');
    return form;
  }

  get #lang(): Lang {
    return this.#language.current;
  }

  /** A deep copy of everything typed, including unticked sections kept in memory. */
  get data(): Record<string, unknown> {
    return cloneJson(this.#ctx.data) as Record<string, unknown>;
  }

  /**
   * Replaces the data with a deep copy of `value` (forbidden keys dropped).
   * Data beyond the verifier's limits (nesting 32, 2,000 members, strings of
   * 2,000 code points, arrays of 100 items, 256 KiB) is refused as a whole,
   * never truncated: the current data stays, `yibiao-invalid-data` is fired
   * and the assignment throws.
   *
   * @throws {TypeError} naming the limit and the JSON pointer (`E_DATA_LIMIT`).
   */
  set data(value: unknown) {
    const taken = takeFormData(value);
    if (!taken.ok) throw new TypeError(refuseData(this, taken.problem, 'data', this.#lang));
    const ctx = this.#ctx;
    ctx.data = taken.data;
    ctx.typed.replace();
    ctx.dirty = true;
    ctx.validation.validate();
    if (this.isConnected) ctx.drafts.changed();
  }

  /** The signer used on submit; `createDeviceSigner()` is called on first need unless one is set. */
  get signer(): Signer | undefined {
    return this.#ctx.submission.signer;
  }

  set signer(value: Signer | undefined) {
    this.#ctx.submission.signer = value;
  }

  /**
   * A key binding for the signing key, issued by the host's backend after a
   * real-name login (`issueKeyBinding`, for the thumbprint of `publicJwk()`):
   * every token carries it in its protected header (`ybk`), and a verifier
   * with that issuer allow-listed answers `authenticity: 'bound'`.
   */
  get keyBinding(): string | undefined {
    return this.#ctx.submission.keyBinding;
  }

  set keyBinding(value: string | undefined) {
    this.#ctx.submission.keyBinding = typeof value === 'string' && value !== '' ? value : undefined;
  }

  /**
   * The public JWK of the key submissions are signed with (the device key is
   * made now if no signer is set): send it to the backend for a key binding.
   *
   * @returns the public JWK (`kty`, `crv`, `x`, `y`).
   */
  publicJwk(): Promise<JsonWebKey> {
    return this.#ctx.submission.publicJwk();
  }

  /**
   * Validates the data that would be submitted, and the required uploads, and
   * shows every problem inline.
   *
   * @returns the verdict, localised in both languages.
   */
  validate(): ValidationResult {
    this.#ctx.attempted = true;
    return this.#ctx.validation.validate();
  }

  /**
   * Normalises, validates, then signs the ticked sections and the digests of
   * their files. On invalid data it shows and focuses the error summary, fires
   * `yibiao-invalid` and resolves `{ valid: false, errors }`, leaving every
   * typed character in place. While a submission is being signed, further
   * calls return the same promise; the same data submitted again yields the
   * same token (one signature, one record). A successful submission shows the
   * receipt and keeps the draft, with the token, until the host calls
   * {@link acknowledge}: after a reload the same data resends the same token,
   * and changed data is re-signed with the same `submissionId`. A failed one
   * keeps both data and draft.
   *
   * @returns `{ valid: true, token, payload }` or `{ valid: false, errors }`.
   * @throws when signing fails (the signer's error, or `YibiaoVerifyError` from the submission module).
   */
  submit(): Promise<SubmitResult> {
    return submitForm(this.#ctx);
  }

  /**
   * Tells the form that the host's intake has accepted the submission:
   * deletes the draft and the pending token (changed data then makes a new
   * submission, with a new `submissionId`; the same data still gives the same
   * token) and shows the receipt, with the intake's reference when given. Does
   * nothing when no submission is pending.
   *
   * @param receipt - optional `{ reference }`: the intake's record number, shown as text on the receipt.
   * @returns resolves when the draft is deleted.
   * @throws {TypeError} when `reference` is not a string of 1 to 200 characters.
   * @example
   * form.addEventListener('yibiao-submit', async (e) => {
   *   const response = await fetch('/intake', { method: 'POST', body: e.detail.token });
   *   if (response.ok) await form.acknowledge({ reference: (await response.json()).reference });
   * });
   */
  acknowledge(receipt?: { readonly reference?: string }): Promise<void> {
    return acknowledgeSubmission(this.#ctx, receipt);
  }

  /** Clears the data, the files, every shown problem, the receipt and the draft. */
  reset(): void {
    const ctx = this.#ctx;
    ctx.touched.clear();
    ctx.attempted = false;
    ctx.summaryVisible = false;
    ctx.failed = false;
    ctx.receipt = undefined;
    ctx.submission.forget();
    ctx.attachments.clear();
    ctx.drafts.discard().catch(() => undefined);
    this.data = {};
    ctx.dirty = false;
    setCustomState(ctx.internals, 'submitted', false);
  }

  #startAgain(): void {
    this.reset();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus());
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.#ctx.drafts.restore().catch(() => undefined);
    loadDivisionsWhenIdle(this.#form, () => this.#ctx.validation.validate());
    loadValidator(this.#form, () => this.#rulesLoaded());
    // The English texts (a lazy part) when idle, so that every verdict is in both languages.
    whenIdle(() => this.#language.request());
  }

  protected override shouldUpdate(changed: PropertyValues): boolean {
    return this.#language.mayRender() && super.shouldUpdate(changed);
  }

  protected override update(changed: PropertyValues): void {
    this.#quietly(() => super.update(changed));
  }

  /**
   * The validator is in: a verdict someone may be looking at (a field left,
   * a submit tried) is replaced now; otherwise the first pass (which
   * compiles the validator) waits for an idle moment.
   */
  #rulesLoaded(): void {
    const ctx = this.#ctx;
    if (ctx.attempted || ctx.touched.size > 0) ctx.validation.validate();
    else ctx.validation.validateWhenIdle();
  }

  /**
   * Resolves once every section is rendered, also on a large form's first
   * render (see `ProgressiveSections`), and the form's rules and, on an
   * English page, its English texts (lazy parts of a built widget) have
   * loaded or failed to.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    if (!this.hasUpdated || this.#language.current !== this.#language.wanted) {
      await this.#language.settled();
      // The render requested when they arrived (or failed).
      await Promise.resolve();
      complete = await super.getUpdateComplete();
    }
    if (this.hasUpdated) await this.#form.loadValidate?.().catch(() => undefined);
    while (this.#ctx.progressive.pending && this.isConnected) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The first whole-form pass compiles the form's validator (~0.3 s on a 1,000-field form):
    // done while the person reads the form, not on their first key or click.
    if (!this.#ctx.validation.validated && !this.#ctx.progressive.pending) this.#ctx.validation.validateWhenIdle();
    const { focus } = this.#ctx;
    if (focus === undefined) return;
    this.#ctx.focus = undefined;
    // Focusing the summary blurs the field being typed in; that blur must not
    // normalise it: an invalid submit leaves every typed character as it was.
    this.#quietly(() => this.renderRoot.querySelector<HTMLElement>(focus === 'summary' ? '.error-summary' : '.receipt')?.focus());
  }

  /** Runs `task` with the context's `quiet` set: the blurs it causes change nothing. */
  #quietly(task: () => void): void {
    this.#ctx.quiet = true;
    try {
      task();
    } finally {
      this.#ctx.quiet = false;
    }
  }

  protected override render(): TemplateResult {
    return renderForm(this.#ctx, {
      onSubmit: this.#onSubmit,
      onStartAgain: () => this.#startAgain(),
      onSelect: (id) => focusControl(this.renderRoot, id),
    });
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    // Outcomes are reported by events and by submit()'s promise; a signing
    // failure is for a host calling submit() to handle, not an unhandled rejection.
    this.submit().catch(() => undefined);
  };
}
