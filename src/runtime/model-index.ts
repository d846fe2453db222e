import type { FieldModel, FormModel, LocalizedText, SectionModel } from '../ir/types.js';
import { textIn } from './i18n/localized-texts.js';

/** Fast lookups over a form model: field and section by data path, conditional fields, service titles. */
export interface ModelIndex {
  readonly fields: ReadonlyMap<string, FieldModel>;
  readonly sections: ReadonlyMap<string, SectionModel>;
  /** Fields shown only while a condition holds (`visibleWhen`), in form order. */
  readonly conditional: readonly FieldModel[];
  /** The title of whatever lives at `path`, falling back to the path itself. */
  titleOf(path: string): LocalizedText;
  /** Replaces service ids in params `a`, `b`, `service`, `missing` by their localised titles. */
  serviceTitles(params: Readonly<Record<string, unknown>>): Record<string, LocalizedText>;
}

/** Titles of the parts of an address or region value. */
const PART_TITLES: Readonly<Record<string, LocalizedText>> = {
  province: { 'zh-CN': '省', en: 'province' },
  city: { 'zh-CN': '市', en: 'city' },
  county: { 'zh-CN': '县（市、区）', en: 'county' },
  detail: { 'zh-CN': '详细地址', en: 'street address' },
};

const cache = new WeakMap<FormModel, ModelIndex>();

/**
 * Builds (once per model object) the lookups the validator and the widget use.
 *
 * @param model - a form model.
 * @returns the index, cached by model identity.
 */
export function fieldIndex(model: FormModel): ModelIndex {
  const cached = cache.get(model);
  if (cached) return cached;
  const fields = new Map<string, FieldModel>();
  const sections = new Map<string, SectionModel>();
  const conditional: FieldModel[] = [];
  for (const section of model.sections) {
    sections.set(`/${section.key}`, section);
    for (const field of section.fields) {
      fields.set(field.path, field);
      if (field.visibleWhen !== undefined) conditional.push(field);
    }
  }
  const services = new Map(model.services.map((s) => [s.id, s.title] as const));
  const servicesTitle = model.servicesTitle;
  const index: ModelIndex = {
    fields,
    sections,
    conditional,
    titleOf(path) {
      if (path === model.servicesPath || path.startsWith(`${model.servicesPath}/`)) return servicesTitle;
      if (path === '') return model.title;
      // A part of a composite field, e.g. the county of an address: "户籍地址 县（市、区）".
      const cut = path.lastIndexOf('/');
      const parent = cut > 0 ? fields.get(path.slice(0, cut)) : undefined;
      if (parent !== undefined) {
        const part = PART_TITLES[path.slice(cut + 1)];
        if (part !== undefined) return { 'zh-CN': `${parent.title['zh-CN']} ${part['zh-CN']}`, en: `${textIn(parent.title, 'en')}: ${part.en}` };
        return parent.title;
      }
      return { 'zh-CN': path, en: path };
    },
    serviceTitles(params) {
      const out: Record<string, LocalizedText> = {};
      for (const key of ['a', 'b', 'service', 'missing']) {
        const value = params[key];
        if (typeof value === 'string') {
          const title = services.get(value);
          if (title) out[key] = title;
        }
      }
      return out;
    },
  };
  cache.set(model, index);
  return index;
}
