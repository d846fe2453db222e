/**
 * Signed submissions: build, canonicalise (RFC 8785), sign (JWS ES256) and
 * verify. Runs in the browser and in Node with Web APIs only.
 * See docs/submission.md for the format.
 */
export type { AttachmentInput } from './attachments.js';
export { describeAttachment, sha256Hex } from './attachments.js';
export { canonicalBytes, parseCanonical } from './canonicalize.js';
export type { VerifyErrorCode, VerifyErrorOptions } from './errors.js';
export {
  isVerifyErrorCode,
  VERIFY_ERROR_CODES,
  VERIFY_ERROR_MESSAGES,
  verifyErrorMessage,
  YibiaoUsageError,
  YibiaoVerifyError,
} from './errors.js';
export type { SubmissionHeader } from './header.js';
export { HEADER_TYPE } from './header.js';
export type { P256PublicJwk, SignatureAlgorithm } from './key.js';
export { isSignatureAlgorithm, jwkThumbprint, SUPPORTED_ALGORITHMS, toP256PublicJwk } from './key.js';
export {
  MAX_ARRAY_LENGTH,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MAX_DEPTH,
  MAX_HEADER_BYTES,
  MAX_KEYS,
  MAX_PAYLOAD_BYTES,
  MAX_STRING_LENGTH,
  MAX_TOKEN_BYTES,
  SUBMISSION_LIFETIME_SECONDS,
} from './limits.js';
export type { MemoryNonceStore, MemoryNonceStoreOptions, NonceStore } from './nonce-store.js';
export { createMemoryNonceStore } from './nonce-store.js';
export type { AttachmentRef, BuildPayloadInput, SubmissionForm, SubmissionPayload } from './payload.js';
export { buildPayload, PAYLOAD_TYPE, PAYLOAD_VERSION } from './payload.js';
export { checkPayloadShape } from './payload-shape.js';
export { signSubmission } from './sign.js';
export type { DeviceSigner, Signer } from './signer.js';
export { createDeviceSigner, signerFromKeyPair } from './signer.js';
export type { TextProblem, TextProblemKind } from './text.js';
export { findTextProblems } from './text.js';
export { shanghaiDate } from './time.js';
export type { Authenticity, Verdict, VerifyFailure, VerifyOptions, VerifySuccess } from './verify.js';
export { DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_MAX_AGE_SECONDS, verify } from './verify.js';
