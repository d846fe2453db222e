import { isRecord } from '../schema/walk.js';
import { type CompileRequest, EDITABLE_FILES, type EditableFile, FORM_ID, type SourceText } from './types.js';

/** Largest text of one edited file, in characters (the largest form is about 60 k). */
export const MAX_FILE_CHARS = 1_000_000;

const isEditable = (value: unknown): value is EditableFile => typeof value === 'string' && (EDITABLE_FILES as readonly string[]).includes(value);

/**
 * Checks the body of `POST /__designer/compile` at the boundary.
 *
 * @param body - the parsed JSON body.
 * @returns the request, or a message naming what is wrong.
 */
export function parseCompileRequest(body: unknown): { ok: true; request: CompileRequest } | { ok: false; error: string } {
  if (!isRecord(body)) return { ok: false, error: 'body must be {"id": "<form id>", "files": [{"path": …, "text": …}]}' };
  const { id, files } = body;
  if (typeof id !== 'string' || !FORM_ID.test(id) || id === 'common') {
    return { ok: false, error: '"id" must be a form id: lower-case letters, digits and hyphens, starting with a letter, not "common"' };
  }
  if (!Array.isArray(files) || files.length === 0) return { ok: false, error: '"files" must be a non-empty array' };
  const seen = new Set<string>();
  const out: SourceText[] = [];
  for (const [index, file] of files.entries()) {
    if (!isRecord(file) || !isEditable(file.path) || typeof file.text !== 'string') {
      return { ok: false, error: `"files/${index}" must be {"path": one of ${EDITABLE_FILES.join(', ')}, "text": string}` };
    }
    if (seen.has(file.path)) return { ok: false, error: `"files/${index}": ${file.path} is given twice` };
    if (file.text.length > MAX_FILE_CHARS) return { ok: false, error: `"files/${index}": ${file.path} is longer than ${MAX_FILE_CHARS} characters` };
    seen.add(file.path);
    out.push({ path: file.path, text: file.text });
  }
  return { ok: true, request: { id, files: out } };
}
