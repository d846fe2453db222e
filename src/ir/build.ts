import type { Diagnostic } from '../schema/diagnostics.js';
import { ORIGIN_KEY } from '../schema/resolve-refs.js';
import { isRecord } from '../schema/walk.js';
import { type EnglishText, englishFor } from './passes/english.js';
import { fieldKind } from './passes/field-kind.js';
import { collectRules } from './passes/rules.js';
import type {
  DepartmentId,
  ExtendedServiceModel,
  FieldCondition,
  FieldModel,
  FormMeta,
  FormModel,
  LocalizedText,
  MaterialModel,
  OptionModel,
  PhotoSpec,
  SectionModel,
  ServiceModel,
} from './types.js';

type Obj = Record<string, unknown>;

/** Everything the IR builder reads. */
export interface BuildModelInput {
  readonly id: string;
  /** The bundled schema, origins still marked. */
  readonly schema: Obj;
  readonly ui: Obj;
  readonly meta: Obj;
  readonly english: EnglishText;
  readonly schemaHash: string;
  /** Files, for diagnostics. */
  readonly files: { readonly schema: string; readonly en: string; readonly meta: string };
}

const obj = (value: unknown): Obj => (isRecord(value) ? value : {});
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const arr = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

function ordered(keys: readonly string[], ui: Obj): string[] {
  const order = arr(ui['ui:order']).filter((k): k is string => typeof k === 'string');
  const known = order.filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !known.includes(k))];
}

/** The service a root `allOf` entry switches on (`if: services contains const S`), if it is one. */
export function serviceOfCondition(entry: Obj): string | undefined {
  const contains = obj(obj(obj(obj(entry.if).properties).services).contains);
  return str(contains.const);
}

function options(schema: Obj, english: EnglishText, path: string, origin: string | undefined): OptionModel[] | undefined {
  const list = arr(schema.oneOf ?? schema.anyOf).map(obj);
  const consts = list.filter((o) => typeof o.const === 'string');
  if (consts.length === 0 || consts.length !== list.length) return undefined;
  return consts.map((o) => {
    const value = String(o.const);
    const zh = str(o.title) ?? value;
    return { value, label: { 'zh-CN': zh, en: english.option(path, origin, value) ?? zh } };
  });
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** The one-field condition of a nested `if` (`const`, `enum`, or `contains: {const}`), if it is one. */
function condition(sectionPath: string, ifSchema: Obj): FieldCondition | undefined {
  const props = Object.entries(obj(ifSchema.properties));
  if (props.length !== 1) return undefined;
  const [field, check] = props[0] as [string, unknown];
  const test = obj(check);
  const path = `${sectionPath}/${field}`;
  if (isScalar(test.const)) return { field: path, equals: test.const };
  if (Array.isArray(test.enum) && test.enum.every(isScalar)) return { field: path, in: test.enum };
  const contained = obj(test.contains).const;
  if (isScalar(contained)) return { field: path, includes: contained };
  return undefined;
}

function buildFields(key: string, schema: Obj, ui: Obj, english: EnglishText, diagnostics: Diagnostic[], files: BuildModelInput['files'], sectionOrigin: string | undefined): FieldModel[] {
  const sectionPath = `/${key}`;
  const required = new Set(arr(schema.required).filter((r): r is string => typeof r === 'string'));
  const conditional = new Map<string, FieldCondition>();
  for (const entry of arr(schema.allOf).map(obj)) {
    const when = condition(sectionPath, obj(entry.if));
    if (!when) continue;
    for (const name of arr(obj(entry.then).required)) if (typeof name === 'string') conditional.set(name, when);
  }
  const properties = obj(schema.properties);
  // The property the section's yibiaoIdDocument rule reads is an ID number (normalised as one).
  const idNumberKey = str(obj(schema.yibiaoIdDocument).number);
  return ordered(Object.keys(properties), ui).map((name) => {
    const field = obj(properties[name]);
    const fieldUi = obj(ui[name]);
    const path = `${sectionPath}/${name}`;
    // A field of a dictionary object (housing-fund#/definitions/account) has that object's origin plus its own path.
    const origin = str(field[ORIGIN_KEY]) ?? (sectionOrigin === undefined ? undefined : `${sectionOrigin}/properties/${name}`);
    const zhTitle = str(field.title) ?? name;
    const enTitle = english.title(path, origin);
    if (enTitle === undefined) {
      diagnostics.push({
        code: 'E_I18N_MISSING',
        severity: 'error',
        file: files.en,
        pointer: `/fields/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`,
        message: { 'zh-CN': `字段“${zhTitle}”缺少英文标题`, en: `field ${path} (${zhTitle}) has no English title` },
        fix: `add "fields": { "${path}": { "title": "…" } } to ${files.en}`,
      });
    }
    const help = str(fieldUi['ui:help']);
    const enHint = english.hint(path, origin);
    const opts = options(field, english, path, origin);
    const uiOptions = obj(fieldUi['ui:options']);
    const when = conditional.get(name);
    const kind = fieldKind(field, fieldUi);
    const model: FieldModel = {
      path,
      key: name,
      kind,
      title: { 'zh-CN': zhTitle, en: enTitle ?? zhTitle },
      required: required.has(name) || when !== undefined,
      ...(help === undefined ? {} : { hint: { 'zh-CN': help, en: enHint ?? help } }),
      ...(when === undefined ? {} : { visibleWhen: when }),
      ...(opts === undefined ? {} : { options: opts }),
      ...(str(field.format) === undefined ? {} : { format: str(field.format) as string }),
      ...(typeof field.maxLength === 'number' ? { maxLength: field.maxLength } : {}),
      ...(typeof field.minimum === 'number' ? { minimum: field.minimum } : {}),
      ...(typeof field.maximum === 'number' ? { maximum: field.maximum } : {}),
      ...normalisation(field, uiOptions, name === idNumberKey),
      ...(kind === 'date-or-permanent' ? { permanentValue: permanentOf(field) } : {}),
      ...(kind === 'file' && str(uiOptions.material) !== undefined ? { material: str(uiOptions.material) as string } : {}),
    };
    return model;
  });
}

function permanentOf(field: Obj): string {
  const constant = arr(field.anyOf).map(obj).find((o) => typeof o.const === 'string');
  return str(constant?.const) ?? '长期';
}

function normalisation(field: Obj, uiOptions: Obj, isIdNumber: boolean): Partial<FieldModel> {
  const format = str(field.format);
  const out: { -readonly [K in keyof FieldModel]?: FieldModel[K] } = {};
  const inputMode = str(uiOptions.inputMode);
  if (inputMode === 'text' || inputMode === 'numeric' || inputMode === 'tel' || inputMode === 'decimal') out.inputMode = inputMode;
  const autocomplete = str(uiOptions.autocomplete);
  if (autocomplete !== undefined) out.autocomplete = autocomplete;
  const closedList = Array.isArray(field.oneOf) || Array.isArray(field.enum);
  if (isIdNumber || format === 'cn-resident-id') out.normalize = 'id';
  else if (format === 'cn-mobile') out.normalize = 'mobile';
  else if (format === 'cn-phone' || format === 'cn-landline') out.normalize = 'phone';
  else if (format === 'bank-account' || format === 'cn-postcode') out.normalize = 'digits';
  else if (field.type === 'string' && !closedList) out.normalize = 'text';
  if (isIdNumber || format === 'bank-account' || format === 'cn-mobile' || format === 'cn-phone') out.sensitive = true;
  return out;
}

function sectionOf(key: string, schema: Obj, ui: Obj, english: EnglishText, service: string | undefined, diagnostics: Diagnostic[], files: BuildModelInput['files']): SectionModel {
  const sectionUi = obj(ui[key]);
  const zh = str(schema.title) ?? key;
  const origin = str(schema[ORIGIN_KEY]);
  const hint = str(schema.description);
  const enHint = english.hint(`/${key}`, origin);
  return {
    key,
    title: { 'zh-CN': zh, en: english.title(`/${key}`, origin) ?? zh },
    ...(service === undefined ? {} : { service }),
    ...(hint === undefined || schema.type !== 'object' ? {} : { hint: { 'zh-CN': hint, en: enHint ?? hint } }),
    fields: buildFields(key, schema, sectionUi, english, diagnostics, files, origin),
  };
}

function localized(value: unknown): LocalizedText | undefined {
  const o = obj(value);
  const zh = str(o['zh-CN']);
  const en = str(o.en);
  return zh !== undefined && en !== undefined ? { 'zh-CN': zh, en } : undefined;
}

function buildMeta(meta: Obj): FormMeta {
  const departments: Partial<Record<DepartmentId, LocalizedText>> = {};
  for (const [id, text] of Object.entries(obj(meta.departments))) {
    const t = localized(text);
    if (t) departments[id as DepartmentId] = t;
  }
  const timeLimits = localized(meta.timeLimits);
  const declaration = localized(meta.declaration);
  return {
    issuer: localized(meta.issuer) ?? { 'zh-CN': '', en: '' },
    source: str(meta.source) ?? '',
    departments,
    ...(timeLimits ? { timeLimits } : {}),
    ...(declaration ? { declaration } : {}),
    contacts: arr(meta.contacts).map((c) => {
      const o = obj(c);
      const hours = localized(o.hours);
      return {
        area: localized(o.area) ?? { 'zh-CN': '', en: '' },
        ...(str(o.phone) === undefined ? {} : { phone: str(o.phone) as string }),
        ...(hours ? { hours } : {}),
      };
    }),
    notes: arr(meta.notes).map(localized).filter((n): n is LocalizedText => n !== undefined),
    ...extendedServices(meta.extendedServices),
  };
}

function extendedServices(value: unknown): { extendedServices: ExtendedServiceModel[] } | Record<string, never> {
  const entries = Object.entries(obj(value));
  if (entries.length === 0) return {};
  return {
    extendedServices: entries.map(([id, entry]) => {
      const o = obj(entry);
      const description = localized(o.description);
      return {
        id,
        title: localized(o.title) ?? { 'zh-CN': id, en: id },
        department: (str(o.department) ?? 'hrss') as DepartmentId,
        ...(description ? { description } : {}),
      };
    }),
  };
}

function photoSpec(value: unknown): { photo: PhotoSpec } | undefined {
  const o = obj(value);
  const { width, height, dpi } = o;
  if (typeof width !== 'number' || typeof height !== 'number' || typeof dpi !== 'number') return undefined;
  return { photo: { width, height, dpi, background: 'white', colour: o.colour !== false } };
}

function buildMaterials(meta: Obj): MaterialModel[] {
  return arr(meta.materials).map((m) => {
    const o = obj(m);
    const note = localized(o.note);
    return {
      id: str(o.id) ?? '',
      title: localized(o.title) ?? { 'zh-CN': '', en: '' },
      services: arr(o.services).filter((s): s is string => typeof s === 'string'),
      required: o.required === true,
      channels: arr(o.channels).filter((c): c is MaterialModel['channels'][number] => c === 'upload' || c === 'offline' || c === 'dataSharing'),
      ...(Array.isArray(o.accept) ? { accept: o.accept.filter((a): a is string => typeof a === 'string') } : {}),
      ...(typeof o.maxBytes === 'number' ? { maxBytes: o.maxBytes } : {}),
      ...(typeof o.minBytes === 'number' ? { minBytes: o.minBytes } : {}),
      ...(photoSpec(o.photo) ?? {}),
      ...(note ? { note } : {}),
    };
  });
}

/**
 * Builds the typed form model from the bundled schema, the uiSchema, the
 * metadata and the English texts. Problems (a field without an English title,
 * a service without a department) are returned, not thrown.
 *
 * @param input - see {@link BuildModelInput}.
 */
export function buildModel(input: BuildModelInput): { model: FormModel; diagnostics: Diagnostic[] } {
  const { schema, ui, meta, english, files } = input;
  const diagnostics: Diagnostic[] = [];
  const root = obj(schema.properties);
  const servicesSchema = obj(root.services);
  const metaServices = obj(meta.services);
  const conditional = arr(schema.allOf).map(obj);
  const sectionsByService = new Map<string, string[]>();
  const sections: SectionModel[] = [];
  for (const entry of conditional) {
    const service = serviceOfCondition(entry);
    if (service === undefined) continue;
    for (const [key, sectionSchema] of Object.entries(obj(obj(entry.then).properties))) {
      sections.push(sectionOf(key, obj(sectionSchema), ui, english, service, diagnostics, files));
      sectionsByService.set(service, [...(sectionsByService.get(service) ?? []), key]);
    }
  }
  for (const key of Object.keys(root)) {
    if (key === 'services') continue;
    sections.push(sectionOf(key, obj(root[key]), ui, english, undefined, diagnostics, files));
  }
  const order = ordered(sections.map((s) => s.key), ui);
  sections.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const services: ServiceModel[] = arr(obj(servicesSchema.items).oneOf).map((o) => {
    const option = obj(o);
    const id = String(option.const);
    const zh = str(option.title) ?? id;
    const entry = obj(metaServices[id]);
    const department = str(entry.department);
    if (department === undefined) {
      diagnostics.push({
        code: 'E_META_SERVICE_DEPARTMENT',
        severity: 'error',
        file: files.meta,
        pointer: `/services/${id}`,
        message: { 'zh-CN': `事项 ${id} 未指定责任部门`, en: `service ${id} has no department` },
        fix: `add "services": { "${id}": { "department": "hrss" | "medicalInsurance" | "tax" | "housingFund" } } to ${files.meta}`,
      });
    }
    const condition = localized(entry.condition);
    const timeLimit = localized(entry.timeLimit);
    return {
      id,
      title: { 'zh-CN': zh, en: english.option('/services', undefined, id) ?? zh },
      department: (department ?? 'hrss') as DepartmentId,
      sections: sectionsByService.get(id) ?? [],
      ...(condition ? { condition } : {}),
      ...(timeLimit ? { timeLimit } : {}),
    };
  });
  const title = str(schema.title) ?? input.id;
  const model: FormModel = {
    id: input.id,
    version: str(meta.version) ?? '0.0.0',
    schemaHash: input.schemaHash,
    title: { 'zh-CN': title, en: english.formTitle() ?? title },
    meta: buildMeta(meta),
    servicesPath: '/services',
    servicesTitle: {
      'zh-CN': str(servicesSchema.title) ?? '申请联办事项',
      en: english.title('/services', undefined) ?? 'Services applied for',
    },
    services,
    sections,
    rules: collectRules(schema),
    materials: buildMaterials(meta),
  };
  return { model, diagnostics };
}

export { englishFor };
