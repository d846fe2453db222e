import { createHash, randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import {
  DEFAULT_CLOCK_SKEW_SECONDS,
  DEFAULT_MAX_AGE_SECONDS,
  type VerifyOptions,
  type VerifySuccess,
  verify,
  YibiaoUsageError,
} from '../submission/index.js';
import { MIN_NONCE_RETENTION_SECONDS } from '../submission/sqlite-nonce-store.js';
import { isTablePrefix, type NewRecord, openIntakeStore } from './store.js';
import type { Intake, IntakeLogEntry, IntakeOptions, IntakeResult, ReceiveOptions } from './types.js';

/** `sha256-<base64url>` of bytes or of a string's UTF-8. */
function digest(value: string | Uint8Array): string {
  return `sha256-${createHash('sha256').update(value).digest('base64url')}`;
}

function usage(message: string): never {
  throw new YibiaoUsageError(`createIntake: ${message}`);
}

function checkOptions(options: IntakeOptions): void {
  if (options === null || typeof options !== 'object') usage('"options" must be an object');
  const { verifyOptions, database, tablePrefix, now, log } = options;
  if (verifyOptions === null || typeof verifyOptions !== 'object') usage('"verifyOptions" must be the options of verify');
  if ('nonceStore' in verifyOptions || 'attachments' in verifyOptions) {
    usage('"verifyOptions" must not have "nonceStore" or "attachments": the intake stores nonces with the record, and files come with each token');
  }
  if (typeof database !== 'string' && !(database instanceof Database)) usage('"database" must be a file name or a better-sqlite3 connection');
  if (database === '') usage('"database" must not be empty');
  if (tablePrefix !== undefined && !isTablePrefix(tablePrefix)) usage('"tablePrefix" must be letters, digits and _');
  if (now !== undefined && typeof now !== 'function') usage('"now" must be a function returning a Date');
  if (log !== undefined && typeof log !== 'function') usage('"log" must be a function');
}

/** Until when the nonce of an accepted token must be kept: as long as any setting could accept it, and ≥ 25 h. */
function nonceExpiry(verdict: VerifySuccess, options: Omit<VerifyOptions, 'nonceStore' | 'attachments'>, at: Date): number {
  const skew = options.clockSkewSeconds ?? DEFAULT_CLOCK_SKEW_SECONDS;
  const maxAge = options.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS;
  const { iat, exp } = verdict.payload;
  return Math.max((exp + skew) * 1000, (iat + maxAge) * 1000, at.getTime() + MIN_NONCE_RETENTION_SECONDS * 1000);
}

/**
 * Creates a department-side intake (SECURITY.md §4 "Verifier and intake",
 * §3 case 19) over SQLite (`better-sqlite3`, Node only).
 *
 * `receive(token)`:
 * 1. a token whose exact bytes were accepted before → `duplicate` with the
 *    original receipt (nothing is verified or written again);
 * 2. `verify` with `verifyOptions` and the files — a refusal → `rejected`
 *    with its code; nothing is written, and the log gets the token's hash
 *    and the code only;
 * 3. one `BEGIN IMMEDIATE` transaction: the same payload bytes (the same
 *    submission under another ECDSA signature) → `duplicate`; the nonce used
 *    by another payload → `rejected`, `E_REPLAY`; the same `submissionId`
 *    (a retry signed again, with a new nonce) → `duplicate` with the original
 *    receipt — the first record stands; else the record with its receipt and
 *    the nonce are inserted together → `accepted`. A failure inside rolls
 *    back both inserts, so there is never a record without its nonce or the
 *    other way round.
 *
 * @param options - verification, the database, the clock and the log.
 * @returns the intake.
 * @throws {YibiaoUsageError} for bad options; `better-sqlite3` errors when the file cannot be opened.
 * @example
 * const intake = createIntake({ verifyOptions: { forms }, database: '/var/lib/yibiao/intake.db' });
 * const result = await intake.receive(token);
 * if (result.status === 'rejected') return reply(400, { code: result.code });
 * return reply(200, result.receipt); // the same receipt for every duplicate
 */
export function createIntake(options: IntakeOptions): Intake {
  checkOptions(options);
  const { verifyOptions, database } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const owned = typeof database === 'string';
  const db = owned ? new Database(database) : database;
  if (owned && database !== ':memory:') {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
  }
  const store = openIntakeStore(db, options.tablePrefix ?? 'yibiao_intake');

  const finish = (result: IntakeResult, tokenHash: string): IntakeResult => {
    const entry: IntakeLogEntry =
      result.status === 'rejected'
        ? { status: 'rejected', tokenHash, code: result.code }
        : { status: result.status, tokenHash, receiptId: result.receipt.receiptId };
    log(entry);
    return result;
  };

  return {
    async receive(token: string, receiveOptions: ReceiveOptions = {}): Promise<IntakeResult> {
      const tokenHash = typeof token === 'string' ? digest(token) : 'none';
      const earlier = typeof token === 'string' ? store.receiptOfToken(tokenHash) : undefined;
      if (earlier !== undefined) return finish({ status: 'duplicate', receipt: earlier }, tokenHash);

      const at = clock();
      const { attachments } = receiveOptions;
      const verdict = await verify(token, {
        ...verifyOptions,
        now: verifyOptions.now ?? at,
        ...(attachments === undefined ? {} : { attachments }),
      });
      if (!verdict.ok) {
        const pointer = verdict.pointer === undefined ? {} : { pointer: verdict.pointer };
        return finish({ status: 'rejected', code: verdict.code, ...pointer }, tokenHash);
      }

      const payloadSegment = token.split('.')[1] ?? '';
      const record: NewRecord = {
        receipt: {
          receiptId: randomUUID(),
          submissionId: verdict.payload.submissionId,
          receivedAt: at.toISOString(),
          payloadHash: digest(Buffer.from(payloadSegment, 'base64url')),
        },
        tokenHash,
        formId: verdict.payload.form.id,
        nonce: verdict.payload.nonce,
        nonceExpiresAt: nonceExpiry(verdict, verifyOptions, at),
        token,
      };
      const outcome = store.commit(record);
      if (outcome.status === 'replay') return finish({ status: 'rejected', code: 'E_REPLAY', pointer: '/nonce' }, tokenHash);
      if (outcome.status === 'duplicate') return finish({ status: 'duplicate', receipt: outcome.receipt }, tokenHash);
      return finish({ status: 'accepted', receipt: outcome.receipt, verdict }, tokenHash);
    },
    close() {
      if (owned && db.open) db.close();
    },
  };
}
