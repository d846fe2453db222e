import type { SubmissionPayload } from '../../submission/payload.js';
import type { Receipt } from '../receipt.js';
import { loadSubmission } from './submission.js';

/**
 * `makeReceipt` of `../receipt-digest.ts`, from the lazily loaded signing part (the
 * digest needs the canonical JSON serialiser, which only signing uses).
 *
 * @param payload - the signed payload.
 */
export async function makeReceipt(payload: SubmissionPayload): Promise<Receipt> {
  return (await loadSubmission()).makeReceipt(payload);
}
