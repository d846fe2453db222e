import type { FormModel } from '../../../src/ir/types.js';
import type { Offer } from './schema-vocabulary.js';

/** What the non-schema files' completion knows: the last compiled model, and the forms that exist. */
export interface FileVocabularyContext {
  readonly model: FormModel | undefined;
  readonly formIds: readonly string[];
}

const DEPARTMENTS = ['hrss', 'medicalInsurance', 'tax', 'housingFund'];
const WIDGETS = ['text', 'textarea', 'select', 'radio', 'checkboxes', 'checkbox', 'date', 'year-month', 'date-or-permanent', 'yes-no', 'updown', 'address', 'region', 'file'];
const UI_KEYS = ['ui:widget', 'ui:help', 'ui:options', 'ui:placeholder'];
const META_KEYS = ['id', 'version', 'source', 'issuer', 'departments', 'services', 'timeLimits', 'contacts', 'declaration', 'notes', 'materials', 'extendedServices'];
const MATERIAL_KEYS = ['id', 'title', 'services', 'required', 'channels', 'accept', 'minBytes', 'maxBytes', 'photo', 'note'];
const PATCH_OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];

const names = (list: readonly string[], type: Offer['type'] = 'property', detail?: string): Offer[] =>
  list.map((name) => (detail === undefined ? { label: JSON.stringify(name), type } : { label: JSON.stringify(name), type, detail }));

function fieldPaths(model: FormModel | undefined): string[] {
  if (model === undefined) return [];
  return [model.servicesPath, ...model.sections.flatMap((s) => [`/${s.key}`, ...s.fields.map((f) => f.path)])];
}

function sectionKeys(model: FormModel | undefined): string[] {
  return model?.sections.map((s) => s.key) ?? [];
}

function fieldKeys(model: FormModel | undefined, section: string): string[] {
  return model?.sections.find((s) => s.key === section)?.fields.map((f) => f.key) ?? [];
}

/** Member names offered in `ui.json`, `i18n/en.json`, `meta.json` and `extends.json`. */
export function fileKeyOffers(file: string, path: readonly string[], context: FileVocabularyContext): Offer[] {
  const { model } = context;
  const [first, second, third] = path;
  switch (file) {
    case 'ui.json':
      if (path.length === 0) return [...names(['ui:order'], 'keyword'), ...names(sectionKeys(model))];
      if (path.length === 1 && first !== undefined) return [...names(['ui:order', ...UI_KEYS], 'keyword'), ...names(fieldKeys(model, first))];
      if (path.length === 2) return names(UI_KEYS, 'keyword');
      if (path.length === 3 && third === 'ui:options') return names(['inputMode', 'autocomplete', 'placeholder', 'material'], 'keyword');
      return [];
    case 'i18n/en.json':
      if (path.length === 0) return names(['title', 'fields'], 'keyword');
      if (path.length === 1 && first === 'fields') return names(fieldPaths(model), 'variable');
      if (path.length === 2 && first === 'fields') return names(['title', 'hint', 'options'], 'keyword');
      if (path.length === 3 && first === 'fields' && third === 'options') {
        const field = model?.sections.flatMap((s) => s.fields).find((f) => f.path === second);
        const options = model !== undefined && second === model.servicesPath ? model.services.map((s) => s.id) : (field?.options?.map((o) => o.value) ?? []);
        return names(options, 'constant');
      }
      return [];
    case 'meta.json':
      if (path.length === 0) return names(META_KEYS, 'keyword');
      if (path.length === 1 && first === 'departments') return names(DEPARTMENTS, 'constant');
      if (path.length === 1 && first === 'services') return names(model?.services.map((s) => s.id) ?? [], 'constant');
      if (path.length === 2 && first === 'services') return names(['department', 'condition', 'timeLimit'], 'keyword');
      if (path.length === 2 && first === 'materials') return names(MATERIAL_KEYS, 'keyword');
      if (path.length === 2 && first === 'contacts') return names(['area', 'phone', 'hours'], 'keyword');
      if (path.length >= 1 && ['issuer', 'timeLimits', 'declaration', 'condition', 'timeLimit', 'title', 'note', 'area', 'hours'].includes(path.at(-1) ?? '')) {
        return names(['zh-CN', 'en'], 'keyword');
      }
      return [];
    case 'extends.json':
      if (path.length === 0) return names(['extends', 'schema', 'ui', 'meta', 'en', '$comment'], 'keyword');
      if (path.length === 2 && first !== undefined && ['schema', 'ui', 'meta', 'en'].includes(first)) return names(['op', 'path', 'value', 'from'], 'keyword');
      return [];
    default:
      return [];
  }
}

/** Values offered for a member (or an array element) in the non-schema files. */
export function fileValueOffers(file: string, path: readonly string[], key: string | undefined, context: FileVocabularyContext): Offer[] {
  const { model } = context;
  const last = key ?? path.at(-1);
  if (file === 'ui.json') {
    if (key === 'ui:widget') return names(WIDGETS, 'constant');
    if (key === undefined && path.at(-1) === 'ui:order') return names(path.length === 1 ? ['services', ...sectionKeys(model)] : fieldKeys(model, path[0] ?? ''), 'constant');
  }
  if (file === 'meta.json') {
    if (last === 'department') return names(DEPARTMENTS, 'constant');
    if (key === undefined && path.at(-1) === 'services') return names(model?.services.map((s) => s.id) ?? [], 'constant');
    if (key === undefined && path.at(-1) === 'channels') return names(['upload', 'offline', 'dataSharing'], 'constant');
  }
  if (file === 'extends.json') {
    if (key === 'extends') return names(context.formIds, 'constant');
    if (key === 'op') return names(PATCH_OPS, 'constant');
  }
  return [];
}
