/**
 * The department-side intake (Node only, `better-sqlite3`): verify a signed
 * submission, store it once with its receipt and nonce in one transaction,
 * and answer duplicates with the original receipt. See docs/submission.md §6.
 */
export { createIntake } from './create-intake.js';
export type { CommitOutcome, IntakeStore, NewRecord } from './store.js';
export type { Intake, IntakeLogEntry, IntakeOptions, IntakeResult, Receipt, ReceiveOptions } from './types.js';
