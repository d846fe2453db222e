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
export type * from './ir/types.js';
export type { CompiledForm, FormRegistry } from './runtime/compiled-form.js';
export { validateData } from './runtime/validate.js';
export type { ValidationIssue, ValidationResult } from './runtime/validation-types.js';
export type { Diagnostic } from './schema/diagnostics.js';
export { formatDiagnostic } from './schema/diagnostics.js';
export type { Signer, SubmissionPayload, Verdict, VerifyOptions } from './submission/index.js';
export { buildPayload, canonicalBytes, createDeviceSigner, createMemoryNonceStore, signSubmission, verify } from './submission/index.js';
