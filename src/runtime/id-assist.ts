import type { FieldModel, FormModel, SectionModel } from '../ir/types.js';
import { todayInShanghai } from '../rules/dates.js';
import { checkIdDocument, isIdDocumentType } from '../rules/id-document.js';
import { type FormData, readPointer } from './form-state.js';

/** A value the ID number lets the widget fill in. */
export interface IdFill {
  readonly path: string;
  readonly value: string;
}

/** The fields of a section that the ID number says something about. */
interface IdFields {
  readonly number: FieldModel;
  readonly type: FieldModel | undefined;
  readonly sex: FieldModel | undefined;
  readonly birth: FieldModel | undefined;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

/** The ID-related fields of the section holding `path`, when `path` is its number or document type. */
function idFieldsAt(model: FormModel, path: string): IdFields | undefined {
  const section: SectionModel | undefined = model.sections.find((s) => s.fields.some((f) => f.path === path));
  if (section === undefined) return undefined;
  const number = section.fields.find((f) => f.normalize === 'id');
  if (number === undefined) return undefined;
  const type = section.fields.find((f) => f.kind === 'select' && (f.options ?? []).some((o) => o.value === 'residentId'));
  if (path !== number.path && path !== type?.path) return undefined;
  const sex = section.fields.find(
    (f) => (f.kind === 'radio' || f.kind === 'select') && (f.key === 'sex' || f.title['zh-CN'] === '性别') && (f.options ?? []).some((o) => o.value === '1'),
  );
  const birth = section.fields.find(
    (f) => (f.kind === 'year-month' || f.kind === 'date') && (/birth/i.test(f.key) || f.title['zh-CN'].startsWith('出生')),
  );
  return { number, type, sex, birth };
}

/**
 * What a valid identity-document number fills in beside it (DOMAIN.md §1.1
 * step 5: "prefer filling both from the ID number"): 性别 from the parity of the
 * 17th digit and 出生年月/出生日期 from positions 7–14 — only where those fields
 * are empty. A value the person chose is never overwritten: if it contradicts
 * the number, the validator reports `E_ID_SEX_MISMATCH` / `E_ID_BIRTH_MISMATCH`.
 *
 * @param model - the form.
 * @param data - the data after the change.
 * @param path - the path that changed (the number or the document type).
 * @param now - the current time (tests).
 * @returns the values to fill, possibly none.
 */
export function idAssistFills(model: FormModel, data: FormData, path: string, now: Date = new Date()): IdFill[] {
  const fields = idFieldsAt(model, path);
  if (fields === undefined) return [];
  const number = readPointer(data, fields.number.path);
  if (typeof number !== 'string') return [];
  const chosen = fields.type === undefined ? 'residentId' : readPointer(data, fields.type.path);
  const type = chosen === undefined ? 'residentId' : chosen;
  if (!isIdDocumentType(type)) return [];
  const result = checkIdDocument(type, number, { today: todayInShanghai(now) });
  if (!result.ok) return [];
  const fills: IdFill[] = [];
  const { sex, birth } = fields;
  if (sex !== undefined && result.sex !== undefined && isEmpty(readPointer(data, sex.path)) && (sex.options ?? []).some((o) => o.value === result.sex)) {
    fills.push({ path: sex.path, value: result.sex });
  }
  if (birth !== undefined && result.birthDate !== undefined && isEmpty(readPointer(data, birth.path))) {
    fills.push({ path: birth.path, value: birth.kind === 'year-month' ? result.birthDate.slice(0, 7) : result.birthDate });
  }
  return fills;
}
