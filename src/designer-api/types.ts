/**
 * What the designer's HTTP endpoints (served by the vite plugin in
 * `vite-plugin.ts`) exchange with the page in `demo/`. Types only: the page
 * imports them with `import type`.
 */
import type { FormModel, LocalizedText } from '../ir/types.js';
import type { Diagnostic } from '../schema/diagnostics.js';

/** A file of a form the designer can edit, by its path inside `forms/<id>/`. */
export const EDITABLE_FILES = ['form.schema.json', 'ui.json', 'i18n/en.json', 'meta.json', 'extends.json'] as const;

/** One of {@link EDITABLE_FILES}. */
export type EditableFile = (typeof EDITABLE_FILES)[number];

/** The specifier preview entries import the shared runtime by; the preview frame maps it to its blob URL. */
export const RUNTIME_SPECIFIER = 'yibiao-designer-runtime';

/** A form id as `forms/<id>/` names it. */
export const FORM_ID = /^[a-z][a-z0-9-]{0,39}$/;

/** One entry of the form picker. */
export interface FormSummary {
  readonly id: string;
  readonly title: LocalizedText;
  /** The base form, when the form is declared in extends.json. */
  readonly extends?: string;
}

/** `GET /__designer/forms`. */
export interface FormList {
  readonly forms: readonly FormSummary[];
  /** Every `$ref` into the shared dictionary (`../common/<file>#/definitions/<name>`), for completion. */
  readonly commonRefs: readonly string[];
}

/** An example of `forms/<id>/examples/{valid,invalid}/*.json`. */
export interface FormExample {
  /** `valid/<name>.json` or `invalid/<name>.json`. */
  readonly file: string;
  readonly kind: 'valid' | 'invalid';
  readonly description?: string;
  readonly rule?: string;
  /** The application date the age and date rules use. */
  readonly date?: string;
  readonly data: unknown;
  readonly expect?: readonly { readonly path: string; readonly keyword: string; readonly code?: string }[];
}

/** A source file of a form, as text. */
export interface SourceText {
  readonly path: EditableFile;
  readonly text: string;
}

/** `GET /__designer/forms/<id>`: the form's editable files and its examples. */
export interface FormSource {
  readonly id: string;
  readonly files: readonly SourceText[];
  readonly examples: readonly FormExample[];
}

/** `POST /__designer/compile` body: the edited files of one form. */
export interface CompileRequest {
  readonly id: string;
  readonly files: readonly SourceText[];
}

/** Milliseconds spent on the server for one compile. */
export interface CompileTimings {
  /** `compileForm`: load, lint, bundle `$ref`s, model, standalone validator. */
  readonly compileMs: number;
  /** esbuild: the preview entry and the validator module, in memory. */
  readonly bundleMs: number;
  /** Everything, including writing the temp project and waiting for an earlier compile. */
  readonly totalMs: number;
}

/** What a successful compile produced. */
export interface CompiledOutput {
  /** Names this version for `GET /__designer/widget/<versionId>` (the self-contained module, for export). */
  readonly versionId: string;
  /** The published bundled schema (hashed, and given to rjsf). */
  readonly schema: Record<string, unknown>;
  readonly model: FormModel;
  /** The uiSchema in effect (ui.json, or the base's patched by extends.json), for rjsf. */
  readonly ui: Record<string, unknown>;
  /**
   * The preview module: the generator's component entry (model and validator)
   * importing the shared runtime (`GET /__designer/runtime/<runtimeId>.js`) by
   * {@link RUNTIME_SPECIFIER}.
   */
  readonly entry: string;
  readonly runtimeId: string;
  /** The standalone validator with its rules, as one ES module exporting `validate`. */
  readonly validator: string;
}

/** `POST /__designer/compile` response. */
export interface CompileResponse {
  readonly id: string;
  /** Every diagnostic, errors and warnings, with file paths as `forms/<id>/<file>`. */
  readonly diagnostics: readonly Diagnostic[];
  readonly timings: CompileTimings;
  /** Present when the form compiled without error. */
  readonly output?: CompiledOutput;
  /** Not compiled: a newer request for the same form arrived while this one waited. */
  readonly superseded?: true;
}

/** An error answer of any endpoint. */
export interface ApiError {
  readonly error: string;
}
