import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { FieldModel, Lang, MaterialModel } from '../ir/types.js';
import type { Signer } from '../submission/index.js';
import { AttachmentsController } from './attachments-controller.js';
import type { CompiledForm } from './compiled-form.js';
import { dataLimitMessage, takeFormData } from './data-limits.js';
import { renderDraftNotice } from './draft-notice.js';
import { DraftController, type DraftTarget, parseDraftTtl } from './drafts/draft-controller.js';
import type { DraftContent } from './drafts/draft-crypto.js';
import { focusControl, renderErrorSummary } from './error-summary.js';
import { YibiaoChangeEvent } from './events/yibiao-change-event.js';
import { YibiaoDraftSavedEvent } from './events/yibiao-draft-saved-event.js';
import { YibiaoInvalidDataEvent } from './events/yibiao-invalid-data-event.js';
import { YibiaoInvalidEvent } from './events/yibiao-invalid-event.js';
import { YibiaoSubmitEvent } from './events/yibiao-submit-event.js';
import type { UploadContext } from './fields/file.js';
import type { HeldFile } from './files/inspect-file.js';
import {
  applicableSections,
  cloneJson,
  draftData,
  type FormData,
  normalizeFieldValue,
  readPointer,
  submissionData,
  tickedServices,
  writePointer,
} from './form-state.js';
import { isFramedCrossOrigin } from './frame-guard.js';
import { renderHelpPanel, renderRecipients } from './help-panel.js';
import { formatMessage } from './i18n/messages.js';
import { uiText } from './i18n/ui-text.js';
import { idAssistFills } from './id-assist.js';
import { issuesByPlace, shownMessages, summaryEntries } from './issue-layout.js';
import type { DataLimitProblem } from './json-copy.js';
import { loadDivisionsWhenIdle } from './lazy/divisions.js';
import { makeReceipt } from './lazy/receipt.js';
import {
  isUploadMaterial,
  materialPath,
  renderMaterials,
} from './materials.js';
import { ProgressiveSections } from './progressive-sections.js';
import { type Receipt, renderReceipt } from './receipt.js';
import { renderSection, type SectionOptions, sectionDeps } from './section.js';
import { renderServicesGroup } from './services-group.js';
import { formStyles } from './styles/form.styles.js';
import { printStyles } from './styles/print.styles.js';
import { SubmissionController, type SubmitResult } from './submission-controller.js';
import { activeSlots, allSlots, listedMaterials, materialOfField, missingUploads, visibleFileFields } from './upload-slots.js';
import { validateData } from './validate.js';
import type { ValidationIssue, ValidationResult } from './validation-types.js';

export type { SubmitResult } from './submission-controller.js';

const EMPTY: ValidationResult = { valid: true, errors: [], warnings: [] };
/** Codes shown live under the services checkboxes, where the conflicting pair is ticked. */
const CONFLICT_CODES = new Set(['E_EXCLUSIVE', 'E_PREREQUISITE', 'W_PREREQUISITE']);
const NO_MESSAGES = { error: undefined, warning: undefined } as const;

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

  #data: FormData = {};
  /** Typed text of number inputs, so a re-render never rewrites `05` as `5`. */
  readonly #raw = new Map<string, string>();
  /** Fields the person has left once: their problems are shown from then on. */
  readonly #touched = new Set<string>();
  #attempted = false;
  #summaryVisible = false;
  #focus: 'summary' | 'receipt' | undefined;
  /** The person or the host changed the data: a draft that loads late must not replace it. */
  #dirty = false;
  #failed = false;
  #receipt: Receipt | undefined;
  /**
   * Set while the element moves focus itself or re-renders: the blur that
   * causes (focus to the summary, a focused field removed with its section)
   * must not rewrite the text or schedule an update from inside one.
   */
  #quiet = false;
  #result: ValidationResult = EMPTY;
  /** Cancels the whole-form validation scheduled for an idle moment, if one is. */
  #cancelIdle: (() => void) | undefined;
  /** Bumped per section when a typed number text changes, and for all when they are cleared: part of a section's render key. */
  readonly #rawEpochs = new Map<string, number>();
  #rawGeneration = 0;
  /** Whether the whole form has been validated once (and its validator compiled). */
  #validated = false;
  readonly #submission = new SubmissionController(this);
  readonly #attachments = new AttachmentsController(this);
  readonly #drafts = new DraftController(this);
  readonly #progressive = new ProgressiveSections(this);
  readonly #internals: ElementInternals | undefined = typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;

  constructor() {
    super();
    // A host may set properties before this module loaded; take them over (upgrade pattern).
    for (const name of ['data', 'signer', 'keyBinding'] as const) {
      if (!Object.hasOwn(this, name)) continue;
      const value: unknown = (this as Record<string, unknown>)[name];
      delete (this as Record<string, unknown>)[name];
      if (name === 'data') {
        try {
          this.data = value;
        } catch {
          // Refused (beyond the limits): reported by yibiao-invalid-data; the form starts empty.
        }
      } else if (name === 'keyBinding') {
        this.keyBinding = value as string | undefined;
      } else {
        this.signer = value as Signer | undefined;
      }
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
    if (!taken.ok) throw new TypeError(this.#refuse(taken.problem, 'data'));
    this.#data = taken.data;
    this.#clearRaw();
    this.#dirty = true;
    this.#revalidate();
    if (this.isConnected) this.#drafts.changed();
  }

  /** The signer used on submit; `createDeviceSigner()` is called on first need unless one is set. */
  get signer(): Signer | undefined {
    return this.#submission.signer;
  }

  set signer(value: Signer | undefined) {
    this.#submission.signer = value;
  }

  /**
   * A key binding for the signing key, issued by the host's backend after a
   * real-name login (`issueKeyBinding`, for the thumbprint of `publicJwk()`):
   * every token carries it in its protected header (`ybk`), and a verifier
   * with that issuer allow-listed answers `authenticity: 'bound'`.
   */
  get keyBinding(): string | undefined {
    return this.#submission.keyBinding;
  }

  set keyBinding(value: string | undefined) {
    this.#submission.keyBinding = typeof value === 'string' && value !== '' ? value : undefined;
  }

  /**
   * The public JWK of the key submissions are signed with (the device key is
   * made now if no signer is set): send it to the backend for a key binding.
   *
   * @returns the public JWK (`kty`, `crv`, `x`, `y`).
   */
  publicJwk(): Promise<JsonWebKey> {
    return this.#submission.publicJwk();
  }

  /**
   * Validates the data that would be submitted, and the required uploads, and
   * shows every problem inline.
   *
   * @returns the verdict, localised in both languages.
   */
  validate(): ValidationResult {
    this.#attempted = true;
    return this.#revalidate();
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
    return this.#submission.once(() => this.#submit());
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
  async acknowledge(receipt?: { readonly reference?: string }): Promise<void> {
    const reference: unknown = receipt?.reference;
    if (reference !== undefined && (typeof reference !== 'string' || reference.length === 0 || reference.length > 200)) {
      throw new TypeError('acknowledge: "reference" must be a string of 1 to 200 characters');
    }
    const pending = this.#submission.pending;
    if (pending === undefined) return;
    const payload = pending.signed?.payload ?? this.#receipt?.payload;
    if (payload !== undefined && payload.submissionId === pending.submissionId) {
      const shown = this.#receipt?.payload === payload ? this.#receipt : await makeReceipt(payload);
      this.#receipt = reference === undefined ? shown : { ...shown, reference };
      this.#focus = 'receipt';
    }
    this.#submission.acknowledged();
    this.requestUpdate();
    await this.#drafts.discard();
  }

  /** Clears the data, the files, every shown problem, the receipt and the draft. */
  reset(): void {
    this.#touched.clear();
    this.#attempted = false;
    this.#summaryVisible = false;
    this.#failed = false;
    this.#receipt = undefined;
    this.#submission.forget();
    this.#attachments.clear();
    this.#drafts.discard().catch(() => undefined);
    this.data = {};
    this.#dirty = false;
    this.#setState('submitted', false);
  }

  /** The state and callbacks of one upload slot. */
  #upload(slot: string, material: MaterialModel, single: boolean, lang: Lang): UploadContext {
    const refused = this.#attachments.problemsOf(slot)[0];
    return {
      material,
      held: this.#attachments.files.get(slot) ?? [],
      refused: refused === undefined ? undefined : formatMessage(refused.code, material.title, refused.params)[lang],
      busy: this.#attachments.busy.has(slot),
      previewOf: (file: HeldFile) => this.#attachments.previewOf(file),
      onFiles: (files) => {
        if (!this.readonly) this.#attachments.add(slot, material, files, single).catch(() => undefined);
      },
      onRemove: (file) => {
        if (!this.readonly) this.#attachments.remove(slot, file);
      },
    };
  }

  async #submit(): Promise<SubmitResult> {
    // A lazily loaded division tree is in before the data is judged (offline without it: checked by the verifier).
    await this.#form.loadDivisions?.().catch(() => undefined);
    this.#attempted = true;
    this.#failed = false;
    const { model } = this.#form;
    const candidate = submissionData(model, this.#data);
    const result = this.#revalidate();
    if (!result.valid) {
      this.#summaryVisible = true;
      this.#focus = 'summary';
      await this.updateComplete;
      this.dispatchEvent(new YibiaoInvalidEvent({ errors: result.errors }));
      return { valid: false, errors: result.errors, warnings: result.warnings };
    }
    this.#setState('submitting', true);
    try {
      const files = this.#attachments.heldIn(activeSlots(model, this.#data));
      const attachments = files.map((f) => f.ref);
      const { token, payload } = await this.#submission.sign({ model, data: candidate, lang: this.#lang, attachments });
      // The same token again (a retry) keeps its receipt, with the intake's reference if it was acknowledged.
      this.#receipt = this.#receipt?.payload === payload ? this.#receipt : await makeReceipt(payload);
      this.#focus = 'receipt';
      this.#setState('submitted', true);
      // Kept, with the token, until the host acknowledges (SECURITY.md §4 "Nothing lost").
      await this.#drafts.submitted();
      this.requestUpdate();
      this.dispatchEvent(
        new YibiaoSubmitEvent({ token, payload, files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes.slice() })) }),
      );
      return { valid: true, token, payload, warnings: result.warnings };
    } catch (error) {
      // Data, files and draft stay as they were; the person is told and can try again.
      this.#failed = true;
      this.requestUpdate();
      throw error;
    } finally {
      this.#setState('submitting', false);
    }
  }

  #clearRaw(): void {
    this.#raw.clear();
    this.#rawEpochs.clear();
    this.#rawGeneration += 1;
  }

  #setRaw(path: string, text: string | undefined): void {
    if (this.#raw.get(path) === text) return;
    if (text === undefined) this.#raw.delete(path);
    else this.#raw.set(path, text);
    const section = path.split('/')[1] ?? '';
    this.#rawEpochs.set(section, (this.#rawEpochs.get(section) ?? 0) + 1);
  }

  /**
   * Validates the whole form when the browser is idle, once, however many keys
   * come before. For changes nobody sees yet (a field not left before the
   * first submit): the whole-form pass of a 1,000-field form is ~2 ms a key,
   * and the very first one compiles the form's validator (V8 compiles the
   * ~1 MB function lazily on its first call: 336 ms on the first character,
   * docs/benchmarks.md §3).
   */
  #revalidateWhenIdle(): void {
    this.requestUpdate();
    this.#scheduleIdleRevalidation();
  }

  #scheduleIdleRevalidation(): void {
    if (this.#cancelIdle !== undefined) return;
    const run = (): void => {
      this.#cancelIdle = undefined;
      this.#revalidate();
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(run, { timeout: 500 });
      this.#cancelIdle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(run, 50);
      this.#cancelIdle = () => clearTimeout(handle);
    }
  }

  #revalidate(): ValidationResult {
    this.#validated = true;
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    const form = this.#form;
    const data = validateData(form, submissionData(form.model, this.#data));
    const files = missingUploads(form.model, this.#data, (slot) => (this.#attachments.files.get(slot) ?? []).length);
    if (!this.allowCrossOriginFrame && isFramedCrossOrigin()) {
      files.push({
        path: '',
        code: 'E_CROSS_ORIGIN_FRAME',
        severity: 'error',
        message: formatMessage('E_CROSS_ORIGIN_FRAME', form.model.title),
        keyword: 'frame',
        params: {},
      });
    }
    this.#result = files.length === 0 ? data : { valid: false, errors: [...data.errors, ...files], warnings: data.warnings };
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
    this.#dirty = true;
    this.#failed = false;
    // ID-number assistance: fill 性别 / 出生年月 from a valid number, only where empty.
    const fills = idAssistFills(this.#form.model, this.#data, path);
    for (const fill of fills) this.#data = writePointer(this.#data, fill.path, fill.value);
    // The edited field's message must be right on every key once it is shown; until then
    // (and for whatever else the change affects, such as cross-field rules) an idle pass will do.
    if (this.#shown(path) || fills.some((fill) => this.#shown(fill.path))) this.#revalidate();
    else this.#revalidateWhenIdle();
    this.#drafts.changed();
    this.dispatchEvent(new YibiaoChangeEvent({ path, value: cloneJson(value) }));
    for (const fill of fills) this.dispatchEvent(new YibiaoChangeEvent({ path: fill.path, value: fill.value }));
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

  // ---- attachments host ----

  /** @internal Called by the attachments controller. */
  attachmentsChanged(slot: string): void {
    const held = this.#attachments.files.get(slot) ?? [];
    if (slot.startsWith('/')) {
      // A `file` field: its value is the record of the file held, which the schema checks.
      this.#touched.add(slot);
      const ref = held[0]?.ref;
      this.#change(slot, ref === undefined ? undefined : { name: ref.name, mediaType: ref.mediaType, size: ref.size, sha256: ref.sha256 });
      return;
    }
    this.#touched.add(materialPath(slot));
    this.#dirty = true;
    this.#failed = false;
    this.#revalidate();
    this.#drafts.changed();
    this.dispatchEvent(new YibiaoChangeEvent({ path: materialPath(slot), value: held.length }));
  }

  // ---- draft host ----

  /** @internal Where the draft lives, or `undefined` while drafts are off. */
  draftTarget(): DraftTarget | undefined {
    if (this.noDraft) return undefined;
    const { model } = this.#form;
    return { id: `${model.id}\u0000${this.draftKey ?? 'default'}`, formId: model.id, schemaHash: model.schemaHash, ttlMs: parseDraftTtl(this.draftTtl) };
  }

  /** @internal What the draft keeps: ticked sections as typed, their files, and the unacknowledged submission. */
  draftSnapshot(): Omit<DraftContent, 'savedAt'> | undefined {
    const { model } = this.#form;
    const data = draftData(model, this.#data);
    const files = this.#attachments.draftFiles(activeSlots(model, this.#data));
    const pending = this.#submission.pending;
    if (data === undefined && files.length === 0 && pending === undefined) return undefined;
    const kept = data ?? {};
    const raw: Record<string, string> = {};
    for (const [path, text] of this.#raw) if (readPointer(kept, path) !== undefined) raw[path] = text;
    return pending === undefined ? { data: kept, raw, files } : { data: kept, raw, files, pending };
  }

  /** @internal Takes a restored draft over, unless something was typed meanwhile or it passes the data limits. */
  async applyDraft(content: DraftContent): Promise<'applied' | 'kept' | 'refused'> {
    if (this.#dirty) return 'kept';
    const taken = takeFormData(content.data);
    const raw = takeFormData(content.raw);
    const refused = taken.ok ? (raw.ok ? undefined : raw.problem) : taken.problem;
    if (refused !== undefined) {
      this.#refuse(refused, 'draft');
      return 'refused';
    }
    const { model } = this.#form;
    await this.#attachments.restore(content.files, allSlots(model));
    if (this.#dirty) {
      this.#attachments.clear();
      return 'kept';
    }
    let data: FormData = taken.ok ? taken.data : {};
    // A file record whose bytes did not come back would name a file that is not sent.
    for (const field of visibleFileFields(model, data)) {
      if (readPointer(data, field.path) !== undefined && (this.#attachments.files.get(field.path) ?? []).length === 0) {
        data = writePointer(data, field.path, undefined);
      }
    }
    this.#data = data;
    this.#clearRaw();
    for (const [path, text] of Object.entries(content.raw)) this.#raw.set(path, text);
    if (content.pending !== undefined) this.#submission.resume(content.pending);
    this.#revalidate();
    return 'applied';
  }

  /** Reports refused data (`yibiao-invalid-data`); returns the message in the form's language. */
  #refuse(problem: DataLimitProblem, source: 'data' | 'draft'): string {
    const message = dataLimitMessage(problem);
    this.dispatchEvent(new YibiaoInvalidDataEvent({ ...problem, source, message }));
    return message[this.#lang];
  }

  /** @internal The draft was written. */
  draftSaved(savedAt: number, expiresAt: number): void {
    this.dispatchEvent(new YibiaoDraftSavedEvent({ savedAt, expiresAt }));
  }

  #startAgain(): void {
    this.reset();
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('input, select, textarea')?.focus());
  }

  // ---- rendering ----

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    this.#drafts.restore().catch(() => undefined);
    loadDivisionsWhenIdle(this.#form, () => this.#revalidate());
  }

  protected override update(changed: PropertyValues): void {
    this.#quiet = true;
    try {
      super.update(changed);
    } finally {
      this.#quiet = false;
    }
  }

  /** Resolves once every section is rendered, also on a large form's first render (see `ProgressiveSections`). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#progressive.pending && this.isConnected) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The first whole-form pass compiles the form's validator (~0.3 s on a 1,000-field form):
    // done while the person reads the form, not on their first key or click.
    if (!this.#validated && !this.#progressive.pending) this.#scheduleIdleRevalidation();
    const focus = this.#focus;
    if (focus === undefined) return;
    this.#focus = undefined;
    // Focusing the summary blurs the field being typed in; that blur must not
    // normalise it: an invalid submit leaves every typed character as it was.
    this.#quiet = true;
    try {
      this.renderRoot.querySelector<HTMLElement>(focus === 'summary' ? '.error-summary' : '.receipt')?.focus();
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
    const materials = listedMaterials(model, data);
    const uploads = materials.filter(isUploadMaterial);
    const extra = uploads.map((m) => materialPath(m.id));
    const errors = issuesByPlace(model, data, this.#result.errors, extra);
    const warnings = issuesByPlace(model, data, this.#result.warnings, extra);
    const messages = (map: Map<string, ValidationIssue[]>, path: string): string[] =>
      this.#shown(path) ? (map.get(path) ?? []).filter((i) => !CONFLICT_CODES.has(i.code)).map((i) => i.message[lang]) : [];
    const shown = shownMessages({ errors, warnings, shown: (path) => this.#shown(path), lang, skip: CONFLICT_CODES });
    const conflicts = [...this.#result.errors, ...this.#result.warnings]
      .filter((i) => CONFLICT_CODES.has(i.code))
      .map((i) => ({ message: i.message[lang], severity: i.severity }));
    const ticked = tickedServices(model, data);
    const signing = this.#submission.signing;
    return html`${this.#receipt === undefined ? nothing : renderReceipt({ receipt: this.#receipt, model, lang })}
      <form part="form" class="form" novalidate @submit=${this.#onSubmit}>
        ${renderDraftNotice({
          status: this.#drafts.status,
          savedAt: this.#drafts.restoredAt,
          lang,
          readonly: this.readonly,
          onStartAgain: () => this.#startAgain(),
        })}
        ${this.#summaryVisible
          ? renderErrorSummary({ entries: summaryEntries(model, errors, lang), lang, onSelect: (id) => focusControl(this.renderRoot, id) })
          : nothing}
        ${renderHelpPanel({ model, lang, ticked })}
        ${renderServicesGroup({
          model,
          lang,
          ticked,
          errors: messages(errors, model.servicesPath),
          warnings: messages(warnings, model.servicesPath),
          conflicts,
          readonly: this.readonly,
          onToggle: (service, on) => this.#toggleService(service, on),
        })}
        ${repeat(
          this.#progressive.take(applicableSections(model, data)),
          (section) => section.key,
          (section) => {
            const options: SectionOptions = {
              section,
              lang,
              data,
              raw: this.#raw,
              messageAt: (path) => shown.at.get(path) ?? NO_MESSAGES,
              readonly: this.readonly,
              divisions: this.#form.divisions,
              uploadFor: (field) => this.#upload(field.path, materialOfField(model, field), true, lang),
              onValue: (field, value, raw) => {
                this.#setRaw(field.path, raw);
                this.#change(field.path, value);
              },
              onLeave: (field) => this.#leave(field),
            };
            const state = { messages: shown.bySection.get(section.key) ?? '', epoch: `${this.#rawGeneration}:${this.#rawEpochs.get(section.key) ?? 0}` };
            return guard(sectionDeps(options, state), () => renderSection(options));
          },
        )}
        ${renderMaterials({
          materials,
          lang,
          uploadOf: (m) => this.#upload(m.id, m, m.photo !== undefined, lang),
          errorAt: (id) => messages(errors, materialPath(id))[0],
          readonly: this.readonly,
        })}
        ${this.readonly ? nothing : renderRecipients({ model, lang, ticked })}
        ${this.readonly
          ? nothing
          : html`<div part="actions" class="actions">
              ${this.#failed ? html`<p class="error-message" role="alert">${uiText('submitFailed', lang)}</p>` : nothing}
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
