/**
 * A form's submission, from the submit button to the receipt: validates the
 * whole form, shows the error summary or signs the data and the digests of
 * the files in use, keeps the draft (with the token) until the host
 * acknowledges, and shows the receipt (SECURITY.md §4 "Nothing lost").
 * `YibiaoFormElement.submit()` and `acknowledge()` document the outcomes.
 */
import { setCustomState } from './custom-states.js';
import { YibiaoInvalidEvent } from './events/yibiao-invalid-event.js';
import { YibiaoSubmitEvent } from './events/yibiao-submit-event.js';
import type { FormContext } from './form-context.js';
import { submissionData } from './form-state.js';
import { makeReceipt } from './lazy/receipt.js';
import type { SubmitResult } from './submission-controller.js';
import { activeSlots } from './upload-slots.js';

/**
 * Validates then signs, one submission at a time (see `SubmissionController.once`).
 *
 * @param ctx - the form.
 * @returns the verdict, with the token when valid.
 * @throws when signing fails.
 */
export function submitForm(ctx: FormContext): Promise<SubmitResult> {
  return ctx.submission.once(() => runSubmission(ctx));
}

async function runSubmission(ctx: FormContext): Promise<SubmitResult> {
  const { host, submission, attachments, internals } = ctx;
  const form = ctx.form();
  // The lazy division tree (offline without it: checked by the verifier) and the rules (offline without
  // them the verdict is E_RULES_LOADING: nothing unchecked is signed) are in before the data is judged.
  await Promise.all([form.loadDivisions?.().catch(() => undefined), form.loadValidate?.().catch(() => undefined)]);
  ctx.attempted = true;
  ctx.failed = false;
  const { model } = form;
  const { data } = ctx;
  const candidate = submissionData(model, data);
  const result = ctx.validation.validate();
  if (!result.valid) {
    ctx.summaryVisible = true;
    ctx.focus = 'summary';
    await host.updateComplete;
    host.dispatchEvent(new YibiaoInvalidEvent({ errors: result.errors }));
    return { valid: false, errors: result.errors, warnings: result.warnings };
  }
  setCustomState(internals, 'submitting', true);
  try {
    const files = attachments.heldIn(activeSlots(model, data));
    const refs = files.map((f) => f.ref);
    const { token, payload } = await submission.sign({ model, data: candidate, lang: ctx.lang(), attachments: refs });
    // The same token again (a retry) keeps its receipt, with the intake's reference if it was acknowledged.
    ctx.receipt = ctx.receipt?.payload === payload ? ctx.receipt : await makeReceipt(payload);
    ctx.focus = 'receipt';
    setCustomState(internals, 'submitted', true);
    // Kept, with the token, until the host acknowledges (SECURITY.md §4 "Nothing lost").
    await ctx.drafts.submitted();
    host.requestUpdate();
    host.dispatchEvent(
      new YibiaoSubmitEvent({ token, payload, files: files.map((f) => ({ name: f.name, mediaType: f.mediaType, bytes: f.bytes.slice() })) }),
    );
    return { valid: true, token, payload, warnings: result.warnings };
  } catch (error) {
    // Data, files and draft stay as they were; the person is told and can try again.
    ctx.failed = true;
    host.requestUpdate();
    throw error;
  } finally {
    setCustomState(internals, 'submitting', false);
  }
}

/**
 * The intake accepted the pending submission: shows the receipt (with the
 * intake's reference), forgets the pending token and deletes the draft.
 *
 * @param ctx - the form.
 * @param receipt - optional `{ reference }`, 1 to 200 characters.
 * @throws {TypeError} when `reference` is not a string of 1 to 200 characters.
 */
export async function acknowledgeSubmission(ctx: FormContext, receipt?: { readonly reference?: string }): Promise<void> {
  const reference: unknown = receipt?.reference;
  if (reference !== undefined && (typeof reference !== 'string' || reference.length === 0 || reference.length > 200)) {
    throw new TypeError('acknowledge: "reference" must be a string of 1 to 200 characters');
  }
  const { submission } = ctx;
  const pending = submission.pending;
  if (pending === undefined) return;
  const payload = pending.signed?.payload ?? ctx.receipt?.payload;
  if (payload !== undefined && payload.submissionId === pending.submissionId) {
    const shown = ctx.receipt?.payload === payload ? ctx.receipt : await makeReceipt(payload);
    ctx.receipt = reference === undefined ? shown : { ...shown, reference };
    ctx.focus = 'receipt';
  }
  submission.acknowledged();
  ctx.host.requestUpdate();
  await ctx.drafts.discard();
}
