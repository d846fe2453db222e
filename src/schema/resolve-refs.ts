import path from 'node:path';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import type { Diagnostic } from './diagnostics.js';
import type { LoadedForm } from './load.js';
import { walkObjects } from './walk.js';

/** Marks, in the bundled schema, which common definition a field came from (for its English title). */
export const ORIGIN_KEY = 'x-origin';

/** A bundled schema: every `$ref` inlined, with origins still marked. */
export interface BundleResult {
  readonly schema: Record<string, unknown> | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

function originOf(ref: string): string {
  const [file = '', fragment = ''] = ref.split('#');
  return `${path.basename(file).replace(/\.schema\.json$/, '')}#${fragment}`;
}

/**
 * Resolves every `$ref` of a form into one self-contained schema (via
 * json-schema-ref-parser), so ajv, rjsf and the IR builder see the same tree.
 * External references may only point into `forms/common/`; nothing is fetched.
 *
 * @param form - the loaded form.
 * @param commonDir - absolute path of `forms/common`.
 */
export async function bundleSchema(form: LoadedForm, commonDir: string): Promise<BundleResult> {
  const diagnostics: Diagnostic[] = [];
  const source = structuredClone(form.schema.data) as Record<string, unknown>;
  const id = source.$id;
  delete source.$id; // json-schema-ref-parser would resolve relative refs against it
  walkObjects(source, ({ pointer, value }) => {
    const ref = value.$ref;
    if (typeof ref !== 'string' || ref.startsWith('#')) return;
    const target = path.resolve(form.dir, ref.split('#')[0] ?? '');
    if (!target.startsWith(commonDir + path.sep) || /^[a-z]+:/i.test(ref)) {
      diagnostics.push({
        code: 'E_SCHEMA_REF_OUTSIDE',
        severity: 'error',
        file: form.schema.file,
        pointer: `${pointer}/$ref`,
        ...form.schema.positions.get(`${pointer}/$ref`),
        message: {
          'zh-CN': `引用 ${ref} 指向 forms/common 之外`,
          en: `$ref ${ref} points outside forms/common`,
        },
        fix: 'reference a definition of the shared dictionary, e.g. "../common/person.schema.json#/definitions/name", or a local "#/definitions/…"',
      });
      return;
    }
    value[ORIGIN_KEY] = originOf(ref);
  });
  if (diagnostics.length > 0) return { schema: undefined, diagnostics };
  try {
    const bundled = (await $RefParser.dereference(form.schema.absolute, source, {
      resolve: { http: false },
      dereference: { circular: false },
    })) as Record<string, unknown>;
    delete bundled.definitions;
    const copy = JSON.parse(JSON.stringify(bundled)) as Record<string, unknown>;
    return { schema: id === undefined ? copy : { $id: id, ...copy }, diagnostics };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    let pointer = '';
    walkObjects(source, (node) => {
      if (typeof node.value.$ref === 'string' && message.includes(node.value.$ref.split('#')[1] ?? '\u0000')) pointer ||= `${node.pointer}/$ref`;
    });
    return {
      schema: undefined,
      diagnostics: [
        {
          code: /circular/i.test(message) ? 'E_SCHEMA_CIRCULAR_REF' : 'E_SCHEMA_UNRESOLVED_REF',
          severity: 'error',
          file: form.schema.file,
          pointer,
          ...form.schema.positions.get(pointer),
          message: { 'zh-CN': `无法解析引用：${message}`, en: `a $ref cannot be resolved: ${message}` },
          fix: 'point the $ref at an existing definition (check the file name and the #/definitions/… path); recursive definitions are not allowed',
        },
      ],
    };
  }
}

/**
 * Removes the build-time annotations from a bundled schema, giving the schema
 * that is hashed, compiled and published.
 */
export function stripAnnotations(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(schema);
  walkObjects(copy, ({ value }) => {
    delete value[ORIGIN_KEY];
  });
  return copy;
}
