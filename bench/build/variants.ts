/**
 * What each renderer is given for a form, derived from yibiao's published
 * schema, model and ui.json: rjsf's uiSchema, JSON Forms' schema and
 * uischema, and the floor's compact field list.
 */
import type { FieldCondition, FormModel } from '../../src/ir/types.js';
import type { FloorField, FloorFormData, FloorSection } from '../renderers/floor.js';
import { type FormSpec, fieldSchema } from './form-spec.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

const RJSF_WIDGETS = new Set(['text', 'textarea', 'select', 'radio', 'checkboxes', 'checkbox', 'date', 'updown']);

/** ui.json in rjsf's vocabulary: ui:order (with `*`), ui:help and rjsf's own widgets; yibiao-only widgets dropped. */
export function rjsfUiSchema(ui: Obj): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(ui)) {
    if (key === 'ui:order' && Array.isArray(value)) out[key] = [...value, '*'];
    else if (key === 'ui:help' && typeof value === 'string') out[key] = value;
    else if (key === 'ui:widget') {
      if (typeof value === 'string' && RJSF_WIDGETS.has(value)) out[key] = value;
    } else if (!key.startsWith('ui:')) out[key] = rjsfUiSchema(obj(value));
  }
  return out;
}

/** The schema with each service section also declared under the root `properties` (JSON Forms resolves control scopes there). */
export function jsonFormsSchema(schema: Obj): Obj {
  const properties: Obj = { ...obj(schema.properties) };
  for (const entry of Array.isArray(schema.allOf) ? schema.allOf : []) {
    for (const [key, value] of Object.entries(obj(obj(obj(entry).then).properties))) properties[key] ??= value;
  }
  return { ...schema, properties };
}

/** A JSON Forms uischema: the services control, then one Group per section, shown by a rule while its service is ticked. */
export function jsonFormsUiSchema(model: FormModel): Obj {
  const field = (section: string, key: string) => `#/properties/${section}/properties/${key}`;
  return {
    type: 'VerticalLayout',
    elements: [
      { type: 'Control', scope: '#/properties/services' },
      ...model.sections.map((s) => ({
        type: 'Group',
        label: s.title['zh-CN'],
        elements: s.fields.map((f) => ({
          type: 'Control',
          scope: field(s.key, f.key),
          ...(f.visibleWhen === undefined
            ? {}
            : {
                rule: {
                  effect: 'SHOW',
                  condition: { scope: `#/properties/${s.key}/properties/${f.visibleWhen.field.split('/').pop()}`, schema: conditionSchema(f.visibleWhen) },
                },
              }),
        })),
        ...(s.service === undefined
          ? {}
          : { rule: { effect: 'SHOW', condition: { scope: '#/properties/services', schema: { contains: { const: s.service } } } } }),
      })),
    ],
  };
}

/** A model condition as JSON Schema over the sibling field (what JSON Forms' rule conditions take). */
function conditionSchema(when: FieldCondition): Obj {
  if (when.equals !== undefined) return { const: when.equals };
  if (when.in !== undefined) return { enum: when.in };
  if (when.includes !== undefined) return { contains: { const: when.includes } };
  return {};
}

function floorCondition(when: FieldCondition): NonNullable<FloorField['v']> {
  const k = when.field.split('/').pop() ?? '';
  if (when.includes !== undefined) return { k, has: when.includes };
  return { k, in: when.equals !== undefined ? [when.equals] : (when.in ?? []) };
}

/** The floor's compact form. */
export function floorForm(spec: FormSpec): FloorFormData {
  const sections: FloorSection[] = spec.model.sections.map((s) => ({
    k: s.key,
    t: s.title['zh-CN'],
    ...(s.service === undefined ? {} : { s: s.service }),
    f: s.fields.map((f): FloorField => {
      const fs = fieldSchema(spec.schema, s.key, f.key);
      const when = f.visibleWhen;
      const w = f.kind === 'select' || f.kind === 'radio' ? 's' : f.kind === 'checkbox' || f.kind === 'yes-no' ? 'c' : 't';
      return {
        k: f.key,
        t: f.title['zh-CN'],
        r: f.required,
        w,
        ...(typeof fs.pattern === 'string' ? { p: fs.pattern } : {}),
        ...(f.maxLength === undefined ? {} : { m: f.maxLength }),
        ...(f.format === undefined ? {} : { f: f.format }),
        ...(w === 's' && f.options ? { o: f.options.map((o) => [o.value, o.label['zh-CN']] as const) } : {}),
        ...(when === undefined ? {} : { v: floorCondition(when) }),
      };
    }),
  }));
  return { services: spec.model.services.map((s) => [s.id, s.title['zh-CN']] as const), sections };
}
