import type { ReactiveControllerHost } from 'lit';
import type { Lang } from '../ir/types.js';
import { AttachmentsController } from './attachments-controller.js';
import type { CompiledForm } from './compiled-form.js';
import { hostWith } from './controller-host.js';
import { setCustomState } from './custom-states.js';
import { type DraftSettings, draftCallbacks } from './draft-binding.js';
import { DraftController } from './drafts/draft-controller.js';
import { filesChanged } from './form-edits.js';
import type { FormData } from './form-state.js';
import { formVerdict } from './form-verdict.js';
import { ProgressiveSections } from './progressive-sections.js';
import type { Receipt } from './receipt.js';
import { SubmissionController } from './submission-controller.js';
import { TypedText } from './typed-text.js';
import { ValidationScheduler } from './validation-scheduler.js';

/** The form element, as its parts see it. */
export type FormHost = HTMLElement & ReactiveControllerHost & DraftSettings & { readonly readonly: boolean };

/**
 * One form element's state and the controllers it is made of: the typed
 * model that the edits, the drafts, the submit flow and the view are
 * functions of. Made once per element ({@link createFormContext}); never shared.
 */
export interface FormContext {
  /** The element: renders, fires the events; nothing changes while it is `readonly`. */
  readonly host: FormHost;
  /** The bound form. */
  readonly form: () => CompiledForm;
  /** The UI language. */
  readonly lang: () => Lang;
  /** Everything typed, including unticked sections kept in memory. */
  data: FormData;
  /** The person or the host changed the data: a draft that loads late must not replace it. */
  dirty: boolean;
  /**
   * Set while the element moves focus itself or re-renders: the blur that
   * causes (focus to the summary, a focused field removed with its section)
   * must not rewrite the text or schedule an update from inside one.
   */
  quiet: boolean;
  /** Fields the person has left once: their problems are shown from then on. */
  readonly touched: Set<string>;
  /** A submission (or `validate()`) was attempted: every problem is shown. */
  attempted: boolean;
  summaryVisible: boolean;
  /** The last signature failed (the person is told and can try again). */
  failed: boolean;
  /** The receipt shown after a successful submission. */
  receipt?: Receipt | undefined;
  /** What to focus after the next render. */
  focus?: 'summary' | 'receipt' | undefined;
  /** Typed text of number inputs, so a re-render never rewrites `05` as `5`. */
  readonly typed: TypedText;
  readonly validation: ValidationScheduler;
  readonly submission: SubmissionController;
  readonly attachments: AttachmentsController;
  readonly drafts: DraftController;
  readonly progressive: ProgressiveSections;
  /** For `:state(invalid|submitting|submitted)`. */
  readonly internals: ElementInternals | undefined;
}

/** What the element lends its context: its private state, read when needed. */
export interface FormContextAccess {
  readonly form: () => CompiledForm;
  readonly lang: () => Lang;
  /** Whether the form is in a cross-origin frame the host did not allow. */
  readonly framed: () => boolean;
}

/**
 * Makes an element's context: its state, whole-form validation, and the
 * submission, attachments, drafts and progressive-sections controllers,
 * added to the element in that order (the order Lit calls them in). Called
 * once, while the element is constructed.
 *
 * @param host - the element being constructed.
 * @param access - its private state.
 */
export function createFormContext(host: FormHost, access: FormContextAccess): FormContext {
  const validation = new ValidationScheduler({
    check: () => {
      const held = (slot: string): number => (ctx.attachments.files.get(slot) ?? []).length;
      return formVerdict({ form: access.form(), data: ctx.data, held, framed: access.framed() });
    },
    settled: (result) => {
      setCustomState(ctx.internals, 'invalid', ctx.attempted && !result.valid);
      if (result.valid) ctx.summaryVisible = false;
      host.requestUpdate();
    },
  });
  const submission = new SubmissionController(host);
  const attachments = new AttachmentsController(hostWith(host, { attachmentsChanged: (slot: string) => filesChanged(ctx, slot) }));
  const drafts = new DraftController(hostWith(host, draftCallbacks(() => ctx)));
  const ctx: FormContext = {
    host,
    form: access.form,
    lang: access.lang,
    data: {},
    dirty: false,
    quiet: false,
    touched: new Set(),
    attempted: false,
    summaryVisible: false,
    failed: false,
    typed: new TypedText(),
    validation,
    submission,
    attachments,
    drafts,
    progressive: new ProgressiveSections(host),
    internals: typeof host.attachInternals === 'function' ? host.attachInternals() : undefined,
  };
  return ctx;
}
