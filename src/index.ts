/**
 * yibiao's public Node API. Entry points list their exports by name; nothing
 * under src/ is public unless it is listed here.
 */
export { yibiaoAjvPlugin } from './ajv/plugin.js';
export { builtFormRegistry } from './cli/form-registry.js';
export type { CompiledArtefacts, CompileResult } from './compile/compile-form.js';
export { compileForm } from './compile/compile-form.js';
export { projectPaths } from './compile/paths.js';
export { writeForm } from './compile/write-form.js';
export type { Intake, IntakeLogEntry, IntakeOptions, IntakeResult, Receipt as IntakeReceipt, ReceiveOptions } from './intake/index.js';
export { createIntake } from './intake/index.js';
export type * from './ir/types.js';
export type { CompiledForm, Division, DivisionTree, FormRegistry } from './runtime/compiled-form.js';
export type { YibiaoChangeDetail } from './runtime/events/yibiao-change-event.js';
export type { YibiaoDraftSavedDetail } from './runtime/events/yibiao-draft-saved-event.js';
export type { YibiaoInvalidDataDetail } from './runtime/events/yibiao-invalid-data-event.js';
export type { YibiaoInvalidDetail } from './runtime/events/yibiao-invalid-event.js';
export type { SubmittedFile, YibiaoSubmitDetail } from './runtime/events/yibiao-submit-event.js';
export type { FileProblem, HeldFile } from './runtime/files/inspect-file.js';
export { checkPhoto, inspectFile, MAX_PIXELS } from './runtime/files/inspect-file.js';
export type { JpegDensity, JpegInfo } from './runtime/files/jpeg.js';
export { readJpeg, stripJpegMetadata } from './runtime/files/jpeg.js';
export { findActivePdfContent } from './runtime/files/pdf.js';
export { readPng, stripPngMetadata } from './runtime/files/png.js';
export type { SniffedType } from './runtime/files/sniff.js';
export { sniffType } from './runtime/files/sniff.js';
export { validateData } from './runtime/validate.js';
export type { ValidationIssue, ValidationResult } from './runtime/validation-types.js';
export type { Diagnostic } from './schema/diagnostics.js';
export { formatDiagnostic } from './schema/diagnostics.js';
export type {
  DepartmentPart,
  DepartmentRoute,
  PartVerdict,
  PublicJwk,
  Routing,
  SignatureAlgorithm,
  Signer,
  SubmissionPayload,
  Verdict,
  VerifyErrorCode,
  VerifyOptions,
} from './submission/index.js';
export {
  buildPayload,
  canonicalBytes,
  createDeviceSigner,
  createMemoryNonceStore,
  deriveRouting,
  generateEs256Jwk,
  signerFromPrivateJwk,
  signSubmission,
  split,
  VERIFY_ERROR_MESSAGES,
  verify,
  verifyPart,
} from './submission/index.js';
export type { Sm2PrivateJwk, Sm2Signer, Sm2SignerOptions } from './submission/sm2-signer.js';
export { createSm2Signer, generateSm2Jwk } from './submission/sm2-signer.js';
export type { SqliteNonceStore, SqliteNonceStoreOptions } from './submission/sqlite-nonce-store.js';
export { createSqliteNonceStore, MIN_NONCE_RETENTION_SECONDS } from './submission/sqlite-nonce-store.js';
