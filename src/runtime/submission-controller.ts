import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormModel, Lang } from '../ir/types.js';
import {
  type AttachmentRef,
  buildPayload,
  createDeviceSigner,
  type Signer,
  type SubmissionPayload,
  signSubmission,
} from '../submission/index.js';
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
  #signing = false;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** The signer set by the host or made on first need; `undefined` before either. */
  get signer(): Signer | undefined {
    return this.#signer;
  }

  set signer(value: Signer | undefined) {
    this.#signer = value;
    this.#pending = undefined;
    this.#last = undefined;
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

  /**
   * Builds and signs the payload of validated data, or returns the token
   * already made for the same data and language.
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
    if (this.#last?.key === key) return this.#last;
    this.#signing = true;
    this.#host.requestUpdate();
    const payload = buildPayload(options);
    const token = await signSubmission(payload, await this.#getSigner());
    this.#last = { key, token, payload };
    return this.#last;
  }

  /** Forgets the last token (after `reset()`), so the next submission is signed afresh. */
  forget(): void {
    this.#last = undefined;
  }

  #getSigner(): Promise<Signer> {
    if (this.#signer !== undefined) return Promise.resolve(this.#signer);
    this.#pending ??= createDeviceSigner().then((signer) => {
      this.#signer ??= signer;
      return this.#signer;
    });
    return this.#pending;
  }
}
