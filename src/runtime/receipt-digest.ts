import { sha256Hex } from '../submission/attachments.js';
import { canonicalBytes } from '../submission/canonicalize.js';
import type { SubmissionPayload } from '../submission/payload.js';
import type { Receipt } from './receipt.js';

/**
 * The receipt of a submission: its payload and the SHA-256 of the signed
 * (canonical) payload bytes, which the intake can recompute. Apart from
 * `receipt.ts` (which renders it from the first render on) because it needs
 * the canonical JSON serialiser, part of the lazily loaded signing part.
 *
 * @param payload - the signed payload.
 */
export async function makeReceipt(payload: SubmissionPayload): Promise<Receipt> {
  return { payload, digest: await sha256Hex(canonicalBytes(payload)) };
}
