/**
 * The intake's two tables and the one transaction that writes them
 * (SECURITY.md §4: "nonce and record committed atomically").
 */
import type Database from 'better-sqlite3';
import type { Receipt } from './types.js';

/** A verified submission, ready to be stored. */
export interface NewRecord {
  readonly receipt: Receipt;
  readonly tokenHash: string;
  readonly formId: string;
  readonly nonce: string;
  /** Milliseconds since the epoch after which the token is refused anyway. */
  readonly nonceExpiresAt: number;
  readonly token: string;
}

/** What {@link IntakeStore.commit} did. */
export type CommitOutcome =
  | { readonly status: 'accepted' | 'duplicate'; readonly receipt: Receipt }
  | { readonly status: 'replay' };

/** The intake's tables. */
export interface IntakeStore {
  /** The receipt of a token accepted before, by the SHA-256 of its exact bytes. */
  receiptOfToken(tokenHash: string): Receipt | undefined;
  /**
   * In one `BEGIN IMMEDIATE` transaction: the receipt of an earlier record
   * with the same payload bytes or, unless the nonce is used, the same
   * `submissionId` (`duplicate`); `replay` when the nonce was used by another
   * payload; else inserts the record and then the nonce (`accepted`). A
   * failing insert rolls back both.
   */
  commit(record: NewRecord): CommitOutcome;
}

const PREFIX = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;

/** Tells whether a table prefix is letters, digits and `_`. */
export function isTablePrefix(value: unknown): value is string {
  return typeof value === 'string' && PREFIX.test(value);
}

interface ReceiptRow {
  readonly receipt_id: string;
  readonly submission_id: string;
  readonly received_at: string;
  readonly payload_hash: string;
}

const RECEIPT_COLUMNS = 'receipt_id, submission_id, received_at, payload_hash';

function receiptOf(row: ReceiptRow | undefined): Receipt | undefined {
  return row === undefined
    ? undefined
    : { receiptId: row.receipt_id, submissionId: row.submission_id, receivedAt: row.received_at, payloadHash: row.payload_hash };
}

/**
 * Creates the tables `<prefix>_records` (one row per accepted submission:
 * its receipt, the token's hash, the form and the token) and
 * `<prefix>_nonces` when missing, and prepares the statements.
 *
 * @param db - an open connection.
 * @param prefix - the table prefix, checked by {@link isTablePrefix}.
 * @returns the store.
 */
export function openIntakeStore(db: Database.Database, prefix: string): IntakeStore {
  const records = `"${prefix}_records"`;
  const nonces = `"${prefix}_nonces"`;
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${records} (
       receipt_id TEXT PRIMARY KEY NOT NULL,
       submission_id TEXT NOT NULL UNIQUE,
       payload_hash TEXT NOT NULL UNIQUE,
       token_hash TEXT NOT NULL UNIQUE,
       form_id TEXT NOT NULL,
       received_at TEXT NOT NULL,
       token TEXT NOT NULL
     );
     CREATE TABLE IF NOT EXISTS ${nonces} (
       nonce TEXT PRIMARY KEY NOT NULL,
       expires_at INTEGER NOT NULL,
       receipt_id TEXT NOT NULL
     ) WITHOUT ROWID;`,
  );
  const byToken = db.prepare(`SELECT ${RECEIPT_COLUMNS} FROM ${records} WHERE token_hash = ?`);
  const byPayload = db.prepare(`SELECT ${RECEIPT_COLUMNS} FROM ${records} WHERE payload_hash = ?`);
  const bySubmission = db.prepare(`SELECT ${RECEIPT_COLUMNS} FROM ${records} WHERE submission_id = ?`);
  const nonceUsed = db.prepare(`SELECT 1 FROM ${nonces} WHERE nonce = ?`).pluck();
  const insertRecord = db.prepare(
    `INSERT INTO ${records} (receipt_id, submission_id, payload_hash, token_hash, form_id, received_at, token) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertNonce = db.prepare(`INSERT INTO ${nonces} (nonce, expires_at, receipt_id) VALUES (?, ?, ?)`);

  const commit = db.transaction((record: NewRecord): CommitOutcome => {
    const { receipt } = record;
    const same = receiptOf(byPayload.get(receipt.payloadHash) as ReceiptRow | undefined);
    if (same !== undefined) return { status: 'duplicate', receipt: same };
    if (nonceUsed.get(record.nonce) !== undefined) return { status: 'replay' };
    const retry = receiptOf(bySubmission.get(receipt.submissionId) as ReceiptRow | undefined);
    if (retry !== undefined) return { status: 'duplicate', receipt: retry };
    insertRecord.run(receipt.receiptId, receipt.submissionId, receipt.payloadHash, record.tokenHash, record.formId, receipt.receivedAt, record.token);
    insertNonce.run(record.nonce, record.nonceExpiresAt, receipt.receiptId);
    return { status: 'accepted', receipt };
  });

  return {
    receiptOfToken: (tokenHash) => receiptOf(byToken.get(tokenHash) as ReceiptRow | undefined),
    commit: (record) => commit.immediate(record),
  };
}
