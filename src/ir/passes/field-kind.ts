import type { FieldKind } from '../types.js';

type Obj = Record<string, unknown>;

const WIDGETS: Readonly<Record<string, FieldKind>> = {
  text: 'text',
  textarea: 'textarea',
  select: 'select',
  radio: 'radio',
  checkboxes: 'checkboxes',
  checkbox: 'checkbox',
  date: 'date',
  'year-month': 'year-month',
  'date-or-permanent': 'date-or-permanent',
  'yes-no': 'yes-no',
  updown: 'integer',
  address: 'address',
  region: 'region',
  file: 'file',
};

/**
 * Chooses how a field is rendered from its schema and its uiSchema
 * (`ui:widget` wins; otherwise type, format and options decide).
 *
 * @param schema - the field's (bundled) schema.
 * @param ui - the field's uiSchema.
 */
export function fieldKind(schema: Obj, ui: Obj): FieldKind {
  const widget = ui['ui:widget'];
  if (typeof widget === 'string' && WIDGETS[widget]) {
    const kind = WIDGETS[widget] as FieldKind;
    if (kind === 'integer' && schema.type === 'number') return 'number';
    return kind;
  }
  if (schema.type === 'object') {
    const keys = Object.keys((schema.properties ?? {}) as object);
    if (['name', 'mediaType', 'size', 'sha256'].every((k) => keys.includes(k))) return 'file';
    if (['province', 'city', 'county'].every((k) => keys.includes(k))) return keys.includes('detail') ? 'address' : 'region';
  }
  if (schema.type === 'array') return 'checkboxes';
  if (schema.type === 'boolean') return 'checkbox';
  if (schema.type === 'integer') return 'integer';
  if (schema.type === 'number') return 'number';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'year-month') return 'year-month';
  const alternatives = (schema.anyOf ?? schema.oneOf) as readonly Obj[] | undefined;
  if (Array.isArray(alternatives)) {
    if (alternatives.every((a) => 'const' in a)) return 'select';
    if (alternatives.some((a) => a.format === 'date')) return 'date-or-permanent';
  }
  return 'text';
}
