import type Database from 'better-sqlite3';
import type { VerifyErrorCode, VerifyOptions, VerifySuccess } from '../submission/index.js';

/**
 * What the intake gives back for an accepted submission, and again, unchanged,
 * for every duplicate of it. It holds ids, a time and a digest, never data.
 */
export interface Receipt {
  /** A random UUID, made when the submission was first accepted. */
  readonly receiptId: string;
  /** The payload's `submissionId`. */
  readonly submissionId: string;
  /** When the submission was first accepted (ISO 8601, UTC). */
  readonly receivedAt: string;
  /** `sha256-<base64url>` of the signed payload bytes (its RFC 8785 form). */
  readonly payloadHash: string;
}

/** The outcome of {@link Intake.receive}. */
export type IntakeResult =
  | {
      readonly status: 'accepted';
      readonly receipt: Receipt;
      /** The verifier's verdict: payload, authenticity, warnings. */
      readonly verdict: VerifySuccess;
    }
  | {
      /** The same submission was accepted before: the same token, the same payload, or the same `submissionId`. */
      readonly status: 'duplicate';
      /** The receipt of the first acceptance. */
      readonly receipt: Receipt;
    }
  | {
      readonly status: 'rejected';
      /** The verifier's code, or `E_REPLAY` for a nonce already used by another submission. */
      readonly code: VerifyErrorCode;
      /** JSON pointer of the offending place, never a value. */
      readonly pointer?: string;
    };

/** A log line of the intake: digests, ids and codes only (SECURITY.md §4 "rejections log only hash and code"). */
export type IntakeLogEntry =
  | { readonly status: 'rejected'; readonly tokenHash: string; readonly code: VerifyErrorCode }
  | { readonly status: 'accepted' | 'duplicate'; readonly tokenHash: string; readonly receiptId: string };

/** Options of `createIntake`. */
export interface IntakeOptions {
  /**
   * How tokens are verified: the form registry, trust (`trustedKeys`,
   * `bindingIssuers`), algorithms, clock skew, maximum age. Not `nonceStore`:
   * the intake stores nonces itself, in the transaction that stores the record.
   */
  readonly verifyOptions: Omit<VerifyOptions, 'nonceStore' | 'attachments'>;
  /** A SQLite file name (`:memory:` for tests), or an open `better-sqlite3` connection (not closed by `close()`). */
  readonly database: string | Database.Database;
  /** Prefix of the two tables (letters, digits, `_`); default `yibiao_intake`. */
  readonly tablePrefix?: string;
  /** The clock for `receivedAt` and, unless `verifyOptions.now` is set, for verification; default: now. */
  readonly now?: () => Date;
  /** Receives one entry per `receive`; default: nothing is logged. */
  readonly log?: (entry: IntakeLogEntry) => void;
}

/** Options of one {@link Intake.receive}. */
export interface ReceiveOptions {
  /** The files that came with the token, by name; each declared attachment is checked (see `verify`). */
  readonly attachments?: ReadonlyMap<string, Uint8Array>;
}

/** A department-side intake: verify, then store once. */
export interface Intake {
  /**
   * Verifies a token and stores it once.
   *
   * @param token - the JWS compact serialisation, as received.
   * @param options - the files that came with it.
   * @returns accepted (with a new receipt), duplicate (with the original receipt) or rejected (with a code).
   * @throws an error of the form registry or the database: an infrastructure failure (answer 5xx).
   */
  receive(token: string, options?: ReceiveOptions): Promise<IntakeResult>;
  /** Closes the database if the intake opened it. */
  close(): void;
}
