import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/forms.js';

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What the designer test edits, found in the form's own files so that it follows the form as it changes. */
export interface DesignerFixture {
  readonly formId: string;
  /** form.schema.json as the designer loads it. */
  readonly schemaText: string;
  /** A field title of an always-present section, written `"title": "…"` exactly once in the file. */
  readonly fieldTitle: string;
  /** The last option title of a closed list in an always-present section, written once in the file. */
  readonly lastOptionTitle: string;
  /** An invalid example whose expected errors are all in always-present sections. */
  readonly invalidExample: { file: string; expect: readonly { path: string; keyword: string }[] };
  /** A valid example without attachments (the preview has no file bytes to sign with). */
  readonly validExample: string;
}

const once = (text: string, title: string) => text.split(`"title": ${JSON.stringify(title)}`).length === 2;

/** The always-present sections: root `required` members other than `services`, `$ref`s resolved. */
function alwaysPresent(schema: Obj): [string, Obj][] {
  const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string' && k !== 'services') : [];
  const properties = isObj(schema.properties) ? schema.properties : {};
  const definitions = isObj(schema.definitions) ? schema.definitions : {};
  return required.flatMap((key): [string, Obj][] => {
    let section = properties[key];
    if (isObj(section) && typeof section.$ref === 'string' && section.$ref.startsWith('#/definitions/')) section = definitions[section.$ref.slice('#/definitions/'.length)];
    return isObj(section) && isObj(section.properties) ? [[key, section]] : [];
  });
}

/**
 * Finds what the designer test needs in `forms/<formId>/`: a field title and
 * a closed list to edit, an invalid and a valid example.
 *
 * @param formId - the form the test edits.
 * @throws when the form has none of one of them (the test says which).
 */
export function designerFixture(formId: string): DesignerFixture {
  const dir = path.join(ROOT, 'forms', formId);
  const schemaText = readFileSync(path.join(dir, 'form.schema.json'), 'utf8');
  const schema = JSON.parse(schemaText) as Obj;
  const sections = alwaysPresent(schema);
  const fields = sections.flatMap(([, section]) => Object.values(section.properties as Obj).filter(isObj));
  const fieldTitle = fields.map((f) => f.title).find((t): t is string => typeof t === 'string' && once(schemaText, t));
  const lastOptionTitle = fields
    .map((f) => (Array.isArray(f.oneOf) && f.oneOf.every((o) => isObj(o) && 'const' in o) ? (f.oneOf.at(-1) as Obj).title : undefined))
    .find((t): t is string => typeof t === 'string' && once(schemaText, t));
  if (fieldTitle === undefined || lastOptionTitle === undefined) throw new Error(`${formId}: no uniquely written field title or closed list in an always-present section`);

  const read = (kind: string) =>
    existsSync(path.join(dir, 'examples', kind))
      ? readdirSync(path.join(dir, 'examples', kind))
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((file) => ({ file, text: readFileSync(path.join(dir, 'examples', kind, file), 'utf8') }))
      : [];
  const keys = sections.map(([key]) => `/${key}/`);
  const invalid = read('invalid')
    .map(({ file, text }) => ({ file, expect: ((JSON.parse(text) as Obj).expect ?? []) as { path: string; keyword: string }[] }))
    .find((e) => e.expect.length > 0 && e.expect.every((x) => x.keyword === 'required' && keys.some((k) => x.path.startsWith(k))));
  // The plainest first: one service, then the rest, edge cases last.
  const rank = (file: string) => (file.startsWith('one-service') ? 0 : file.startsWith('edge') ? 2 : 1);
  const valid = read('valid')
    .filter(({ text }) => !text.includes('"sha256"'))
    .sort((a, b) => rank(a.file) - rank(b.file))[0];
  if (invalid === undefined || valid === undefined) throw new Error(`${formId}: no invalid example about a required field of an always-present section, or no valid example without files`);
  return { formId, schemaText, fieldTitle, lastOptionTitle, invalidExample: invalid, validExample: valid.file };
}
