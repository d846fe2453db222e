import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel, Lang } from '../ir/types.js';
import type { AttachmentRef, Signer, SubmissionPayload } from '../submission/index.js';
import { loadSubmission } from './lazy/submission.js';
import { whenIdle } from './lazy/when-idle.js';
import type { ValidationIssue } from './validation-types.js';

/** What `submit()` resolves to. */
export type SubmitResult =
  | { readonly valid: true; readonly token: string; readonly payload: SubmissionPayload; readonly warnings: readonly ValidationIssue[] }
  | { readonly valid: false; readonly errors: readonly ValidationIssue[]; readonly warnings: readonly ValidationIssue[] };

/** A signed submission. */
export interface SignedSubmission {
  readonly token: string;
  readonly payload: SubmissionPayload;
}

/**
 * A submission signed but not yet acknowledged by the host's intake
 * (SECURITY.md §4: "retry reuses the token, then re-signs with the same
 * `submissionId`"). The element keeps it in the encrypted draft until
 * `acknowledge()`, so a reload does not lose it.
 */
export interface PendingSubmission {
  readonly submissionId: string;
  /** The last token, and the key of the data it signed: resent as is while the data is unchanged. */
  readonly signed?: SignedSubmission & { readonly key: string };
}

/**
 * A token is resent only while the intake will still take it: not within
 * the verifier's clock skew (300 s, `DEFAULT_CLOCK_SKEW_SECONDS`) of its `exp`.
 */
const RESEND_MARGIN_SECONDS = 300;

/**
 * Signs submissions for a form element, one at a time (SECURITY.md §3 no. 32:
 * a double click, or Enter plus a click, gives one signature):
 * a call while a submission is running gets that submission's promise, and
 * the same data in the same language submitted again gets the same token, so
 * the intake sees one nonce and keeps one record.
 *
 * The signer is the host's, or a device signer made on first need.
 */
export class SubmissionController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #signer: Signer | undefined;
  #pending: Promise<Signer> | undefined;
  #inflight: Promise<SubmitResult> | undefined;
  #last: (SignedSubmission & { readonly key: string }) | undefined;
  /** The `submissionId` of the unacknowledged submission: every re-signature keeps it. */
  #submissionId: string | undefined;
  #signing = false;
  #keyBinding: string | undefined;
  #prefetched = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** After the first render: fetch the signing part when idle, so that a submit works offline later. */
  hostUpdated(): void {
    if (this.#prefetched) return;
    this.#prefetched = true;
    whenIdle(() => {
      loadSubmission().catch(() => undefined);
    });
  }

  /** The signer set by the host or made on first need; `undefined` before either. */
  get signer(): Signer | undefined {
    return this.#signer;
  }

  set signer(value: Signer | undefined) {
    this.#signer = value;
    this.#pending = undefined;
    this.#last = undefined;
  }

  /** A key binding for the signer's key, from the host's backend: each token carries it in its header (`ybk`). */
  get keyBinding(): string | undefined {
    return this.#keyBinding;
  }

  set keyBinding(value: string | undefined) {
    this.#keyBinding = value;
    this.#last = undefined;
  }

  /** The public JWK of the key submissions are signed with (the device key is made now if needed). */
  async publicJwk(): Promise<JsonWebKey> {
    return (await this.#getSigner()).publicJwk();
  }

  /** Whether a valid submission is being signed right now. */
  get signing(): boolean {
    return this.#signing;
  }

  /**
   * Runs `task` unless a submission is already running, in which case its promise is returned.
   *
   * @param task - validates and, when valid, calls {@link sign}.
   */
  once(task: () => Promise<SubmitResult>): Promise<SubmitResult> {
    this.#inflight ??= task().finally(() => {
      this.#inflight = undefined;
      this.#signing = false;
      this.#host.requestUpdate();
    });
    return this.#inflight;
  }

  /** The signed submission the intake has not acknowledged, if any. */
  get pending(): PendingSubmission | undefined {
    const submissionId = this.#submissionId;
    if (submissionId === undefined) return undefined;
    const last = this.#last;
    return last?.payload.submissionId === submissionId ? { submissionId, signed: last } : { submissionId };
  }

  /**
   * Takes over an unacknowledged submission (from a restored draft): the same
   * data submitted again resends its token, changed data is re-signed with its `submissionId`.
   *
   * @param pending - what {@link pending} gave before the reload.
   */
  resume(pending: PendingSubmission): void {
    this.#submissionId = pending.submissionId;
    this.#last = pending.signed?.payload.submissionId === pending.submissionId ? pending.signed : undefined;
  }

  /**
   * Builds and signs the payload of validated data, or returns the token
   * already made for the same data and language while it has not expired.
   * Until {@link forget}, a new signature keeps the first one's `submissionId`.
   *
   * @param options - the form model, the pruned normalised data, the language, the attachments' digests.
   */
  async sign(options: {
    readonly model: FormModel;
    readonly data: Readonly<Record<string, unknown>>;
    readonly lang: Lang;
    readonly attachments: readonly AttachmentRef[];
  }): Promise<SignedSubmission> {
    const key = JSON.stringify([options.lang, options.data, options.attachments]);
    const last = this.#last;
    if (last?.key === key && last.payload.exp - RESEND_MARGIN_SECONDS > Date.now() / 1000) return last;
    this.#signing = true;
    this.#host.requestUpdate();
    const submissionId = this.#submissionId;
    const { buildPayload, signSubmission } = await loadSubmission();
    const payload = buildPayload(submissionId === undefined ? options : { ...options, submissionId });
    const binding = this.#keyBinding === undefined ? {} : { keyBinding: this.#keyBinding };
    const token = await signSubmission(payload, await this.#getSigner(), binding);
    this.#last = { key, token, payload };
    this.#submissionId = payload.submissionId;
    return this.#last;
  }

  /**
   * The intake accepted the pending submission: nothing is pending any more,
   * and changed data makes a new submission (a new `submissionId`). The same
   * data submitted again still gets the same token, which the intake knows.
   */
  acknowledged(): void {
    this.#submissionId = undefined;
  }

  /** Forgets the last token and its `submissionId` (after `reset()`), so the next submission is a new one. */
  forget(): void {
    this.#last = undefined;
    this.#submissionId = undefined;
  }

  #getSigner(): Promise<Signer> {
    if (this.#signer !== undefined) return Promise.resolve(this.#signer);
    this.#pending ??= loadSubmission()
      .then(({ createDeviceSigner }) => createDeviceSigner())
      .then(
        (signer) => {
          this.#signer ??= signer;
          return this.#signer;
        },
        (error: unknown) => {
          // The signing part did not load (offline): the next submit tries again.
          this.#pending = undefined;
          throw error;
        },
      );
    return this.#pending;
  }
}
