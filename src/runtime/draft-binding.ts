/**
 * What a form element tells its draft controller: where the draft lives,
 * what it keeps, and how a restored draft is taken over.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FormModel } from '../ir/types.js';
import { refuseData } from './data-intake.js';
import { takeFormData } from './data-limits.js';
import { type DraftHost, type DraftTarget, parseDraftTtl } from './drafts/draft-controller.js';
import type { DraftContent, DraftFile } from './drafts/draft-crypto.js';
import { YibiaoDraftSavedEvent } from './events/yibiao-draft-saved-event.js';
import type { FormContext } from './form-context.js';
import { draftData, type FormData, readPointer, writePointer } from './form-state.js';
import type { PendingSubmission } from './submission-controller.js';
import type { TypedText } from './typed-text.js';
import { activeSlots, allSlots, visibleFileFields } from './upload-slots.js';

/** The element's draft attributes. */
export interface DraftSettings {
  /** `no-draft`: keep no draft at all. */
  readonly noDraft: boolean;
  /** `draft-key`: separates drafts of one form on one device. */
  readonly draftKey: string | null;
  /** `draft-ttl`: how long a draft may be restored. */
  readonly draftTtl: string | null;
}

/**
 * Where a form's draft lives, or `undefined` while drafts are off (`no-draft`).
 *
 * @param model - the form.
 * @param settings - the element's draft attributes.
 */
export function draftTargetOf(model: FormModel, settings: DraftSettings): DraftTarget | undefined {
  if (settings.noDraft) return undefined;
  return { id: `${model.id}\u0000${settings.draftKey ?? 'default'}`, formId: model.id, schemaHash: model.schemaHash, ttlMs: parseDraftTtl(settings.draftTtl) };
}

/** Input of {@link draftSnapshotOf}. */
export interface DraftSnapshotOptions {
  readonly model: FormModel;
  readonly data: FormData;
  /** The typed texts of number inputs. */
  readonly typed: TypedText;
  /** The files of the slots in use. */
  readonly files: readonly DraftFile[];
  /** The signed submission the intake has not acknowledged, if any. */
  readonly pending: PendingSubmission | undefined;
}

/**
 * What a draft keeps (SECURITY.md §2 "Minimization"): the ticked sections as
 * typed, the typed texts of their number inputs, their files and the
 * unacknowledged submission; `undefined` when there is nothing to keep.
 *
 * @param options - the model, the data, the typed texts, the files and the pending submission.
 */
export function draftSnapshotOf(options: DraftSnapshotOptions): Omit<DraftContent, 'savedAt'> | undefined {
  const { files, pending } = options;
  const data = draftData(options.model, options.data);
  if (data === undefined && files.length === 0 && pending === undefined) return undefined;
  const kept = data ?? {};
  const raw = options.typed.keptIn(kept);
  return pending === undefined ? { data: kept, raw, files } : { data: kept, raw, files, pending };
}

/**
 * Restored data without the records of `file` fields whose bytes did not come
 * back: such a record would name a file that is not sent.
 *
 * @param model - the form.
 * @param data - the draft's data, within the limits.
 * @param held - how many files a slot holds after the draft's files were restored.
 */
export function withoutLostFiles(model: FormModel, data: FormData, held: (slot: string) => number): FormData {
  let out = data;
  for (const field of visibleFileFields(model, data)) {
    if (readPointer(out, field.path) !== undefined && held(field.path) === 0) out = writePointer(out, field.path, undefined);
  }
  return out;
}

/** The host callbacks of a {@link DraftHost}, without Lit's. */
export type DraftCallbacks = Omit<DraftHost, keyof ReactiveControllerHost>;

/**
 * The draft controller's host callbacks for a form element.
 *
 * @param context - the element's context (read when a callback is called: the
 * draft controller is made before the context is complete).
 */
export function draftCallbacks(context: () => FormContext): DraftCallbacks {
  return {
    draftTarget: () => {
      const ctx = context();
      return draftTargetOf(ctx.form().model, ctx.host);
    },
    draftSnapshot: () => {
      const ctx = context();
      const { model } = ctx.form();
      const files = ctx.attachments.draftFiles(activeSlots(model, ctx.data));
      return draftSnapshotOf({ model, data: ctx.data, typed: ctx.typed, files, pending: ctx.submission.pending });
    },
    // Takes a restored draft over, unless something was typed meanwhile or it passes the data limits.
    applyDraft: async (content) => {
      const ctx = context();
      const { attachments } = ctx;
      if (ctx.dirty) return 'kept';
      const taken = takeFormData(content.data);
      const raw = takeFormData(content.raw);
      const refused = taken.ok ? (raw.ok ? undefined : raw.problem) : taken.problem;
      if (refused !== undefined) {
        refuseData(ctx.host, refused, 'draft', ctx.lang());
        return 'refused';
      }
      const { model } = ctx.form();
      await attachments.restore(content.files, allSlots(model));
      if (ctx.dirty) {
        attachments.clear();
        return 'kept';
      }
      ctx.data = withoutLostFiles(model, taken.ok ? taken.data : {}, (slot) => (attachments.files.get(slot) ?? []).length);
      ctx.typed.replace(content.raw);
      if (content.pending !== undefined) ctx.submission.resume(content.pending);
      ctx.validation.validate();
      return 'applied';
    },
    draftSaved: (savedAt, expiresAt) => {
      context().host.dispatchEvent(new YibiaoDraftSavedEvent({ savedAt, expiresAt }));
    },
  };
}
