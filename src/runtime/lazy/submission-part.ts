/**
 * The lazily loaded part of the widget that signs (see `submission.ts`):
 * payload building, the device signer, JWS signing, RFC 8785
 * canonicalisation and the receipt digest — nothing a first render needs.
 */
export { buildPayload } from '../../submission/payload.js';
export { signSubmission } from '../../submission/sign.js';
export { createDeviceSigner } from '../../submission/signer.js';
export { makeReceipt } from '../receipt-digest.js';
