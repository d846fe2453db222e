/**
 * Signed submissions: build, canonicalise (RFC 8785), sign (JWS ES256) and
 * verify, route and split per department. Runs in the browser and in Node
 * on Web APIs; in Node the verifier also uses `node:crypto` (one-shot ECDSA
 * verify, base64url) found at run time through Node's `getBuiltinModule`
 * in `./node-builtin.ts` only — no static import, so browser bundles never
 * see it. See docs/submission.md for the format.
 *
 * Deliberately not exported here: SM2 signing (`./sm2-signer.ts`, a separate
 * entry hosts import themselves, so this default path never reaches
 * sm-crypto-v2) and the SQLite nonce store (`./sqlite-nonce-store.ts`, Node
 * only; exported from the Node API `src/index.ts`).
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
export type { IssueKeyBindingInput } from './issue-key-binding.js';
export { issueKeyBinding } from './issue-key-binding.js';
export type { P256PublicJwk, PublicJwk, SignatureAlgorithm, Sm2PublicJwk } from './key.js';
export {
  algorithmOfJwk,
  isSignatureAlgorithm,
  jwkThumbprint,
  SUPPORTED_ALGORITHMS,
  toP256PublicJwk,
  toPublicJwk,
  toSm2PublicJwk,
} from './key.js';
export type { BindingIssuer, BindingIssuers, KeyBindingClaims, KeyBindingExpectation, KeyInput } from './key-binding.js';
export { KEY_BINDING_TYPE, MAX_KEY_BINDING_LENGTH, prepareBindingIssuers, verifyKeyBinding } from './key-binding.js';
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
export type { DepartmentRoute, Routing } from './routing.js';
export { DEPARTMENTS, deriveRouting, isDepartmentId } from './routing.js';
export type { SignOptions } from './sign.js';
export { signSubmission } from './sign.js';
export type { DeviceSigner, P256PrivateJwk, Signer } from './signer.js';
export { createDeviceSigner, generateEs256Jwk, signerFromKeyPair, signerFromPrivateJwk } from './signer.js';
export type { DepartmentPart, PartSuccess, PartVerdict } from './split.js';
export { split, verifyPart } from './split.js';
export type { TextProblem, TextProblemKind } from './text.js';
export { findTextProblems } from './text.js';
export { shanghaiDate } from './time.js';
export type { Authenticity, Verdict, VerifyFailure, VerifyOptions, VerifySuccess } from './verify.js';
export { DEFAULT_CLOCK_SKEW_SECONDS, DEFAULT_MAX_AGE_SECONDS, verify } from './verify.js';
