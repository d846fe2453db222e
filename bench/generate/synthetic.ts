/**
 * Synthetic yibiao forms of N fields, deterministic by seed, written in the
 * authoring format of docs/authoring.md (form.schema.json, meta.json, ui.json,
 * i18n/en.json) so that yibiao builds them with its real pipeline.
 *
 * Shape: about 80 % of the fields in always-present sections, 20 % in service
 * sections (root `allOf` if/then/else on `services contains`), every section
 * with a `mode` select whose value `b` requires a `detail` field (a section-level
 * if/then/else). The first field of the first section is the bench's target:
 * `code`, pattern `^[0-9]{6}$`.
 */
import { type Prng, prng } from './prng.js';

type Obj = Record<string, unknown>;

/** The files of one synthetic form and what the bench needs to know about it. */
export interface SyntheticForm {
  readonly id: string;
  readonly fields: number;
  readonly files: { readonly 'form.schema.json': Obj; readonly 'meta.json': Obj; readonly 'ui.json': Obj; readonly 'i18n/en.json': Obj };
  /** A valid submission (every service ticked), for the Node verify benchmark. */
  readonly validData: Obj;
}

const NOUNS = ['单位名称', '联系人', '通讯地址', '备注', '开户行', '经办人', '工作内容', '就业地点', '申请事由', '原单位', '接收机构', '证明人'];
const SECTION_SIZE = 25;
export const TARGET = { key: 'code', pattern: '^[0-9]{6}$', maxLength: 12, title: '编码' } as const;

type Kind = 'text' | 'pattern' | 'mobile' | 'select' | 'radio' | 'integer' | 'boolean' | 'date';
const KINDS: readonly [Kind, number][] = [
  ['text', 45], ['pattern', 10], ['mobile', 5], ['select', 12], ['radio', 5], ['integer', 8], ['boolean', 5], ['date', 10],
];

function kindOf(rng: Prng): Kind {
  let roll = rng.next() * 100;
  for (const [kind, weight] of KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'text';
}

interface FieldOut { schema: Obj; ui?: Obj; en: Obj; valid: unknown }

function field(rng: Prng, kind: Kind, title: string, n: number): FieldOut {
  const en = { title: `Field ${n}` };
  const choices = (count: number) => Array.from({ length: count }, (_, i) => ({ const: `o${i + 1}`, title: `选项${i + 1}` }));
  switch (kind) {
    case 'pattern':
      return { schema: { type: 'string', title, pattern: '^[A-Z]{2}[0-9]{4}$', maxLength: 6 }, en, valid: 'AB1234' };
    case 'mobile':
      return { schema: { type: 'string', title, format: 'cn-mobile', maxLength: 11 }, en, valid: '13812345678' };
    case 'select':
    case 'radio': {
      const options = choices(rng.int(3, 8));
      const options_en = Object.fromEntries(options.map((o, i) => [o.const, `Option ${i + 1}`]));
      return {
        schema: { type: 'string', title, oneOf: options },
        ...(kind === 'radio' ? { ui: { 'ui:widget': 'radio' } } : {}),
        en: { ...en, options: options_en },
        valid: 'o1',
      };
    }
    case 'integer':
      return { schema: { type: 'integer', title, minimum: 0, maximum: 100 }, en, valid: 42 };
    case 'boolean':
      return { schema: { type: 'boolean', title }, en, valid: true };
    case 'date':
      return { schema: { type: 'string', title, format: 'date' }, en, valid: '2025-03-01' };
    default:
      return { schema: { type: 'string', title, maxLength: 40 }, en, valid: '测试内容' };
  }
}

interface SectionOut { key: string; schema: Obj; ui: Obj; en: Record<string, Obj>; valid: Obj }

function section(rng: Prng, key: string, title: string, size: number, first: boolean, counter: { n: number }): SectionOut {
  const properties: Obj = {};
  const required: string[] = [];
  const ui: Obj = {};
  const en: Record<string, Obj> = { [`/${key}`]: { title: `Section ${key}` } };
  const valid: Obj = {};
  const add = (name: string, out: FieldOut, isRequired: boolean) => {
    properties[name] = out.schema;
    if (out.ui) ui[name] = out.ui;
    en[`/${key}/${name}`] = out.en;
    if (isRequired) required.push(name);
    valid[name] = out.valid;
    counter.n += 1;
  };
  if (first) {
    add(TARGET.key, { schema: { type: 'string', title: TARGET.title, pattern: TARGET.pattern, maxLength: TARGET.maxLength }, en: { title: 'Code' }, valid: '123456' }, true);
  }
  add('mode', { schema: { type: 'string', title: '办理方式', oneOf: [{ const: 'a', title: '线上' }, { const: 'b', title: '线下' }] }, ui: { 'ui:widget': 'radio' }, en: { title: 'Mode', options: { a: 'Online', b: 'At the counter' } }, valid: 'b' }, true);
  add('detail', { schema: { type: 'string', title: '线下办理地点', maxLength: 60 }, en: { title: 'Counter' }, valid: '市民中心' }, false);
  while (Object.keys(properties).length < size) {
    const n = counter.n + 1;
    add(`f${n}`, field(rng, kindOf(rng), `${rng.pick(NOUNS)}${n}`, n), rng.next() < 0.5);
  }
  const order = Object.keys(properties);
  const schema: Obj = {
    type: 'object',
    title: title,
    additionalProperties: false,
    required,
    properties,
    allOf: [
      {
        if: { properties: { mode: { const: 'b' } }, required: ['mode'] },
        then: { required: ['detail'] },
        else: { not: { anyOf: [{ required: ['detail'] }] } },
      },
    ],
  };
  return { key, schema, ui: { 'ui:order': order, ...ui }, en, valid };
}

const DEPARTMENTS = ['hrss', 'medicalInsurance', 'tax', 'housingFund'] as const;
const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * Generates a form of about `fields` fields.
 *
 * @param fields - field count (50, 200, 1000…).
 * @param seed - PRNG seed; the same seed gives the same form.
 */
export function syntheticForm(fields: number, seed: number): SyntheticForm {
  const rng = prng(seed ^ fields);
  const id = `syn${fields}`;
  const sectionCount = Math.max(2, Math.round(fields / SECTION_SIZE));
  const serviceCount = Math.max(1, Math.round(sectionCount * 0.2));
  const baseCount = sectionCount - serviceCount;
  const counter = { n: 0 };
  const sizes = Array.from({ length: sectionCount }, (_, i) => Math.floor(fields / sectionCount) + (i < fields % sectionCount ? 1 : 0));
  const base = Array.from({ length: baseCount }, (_, i) => section(rng, `part${i + 1}`, `基本信息第${i + 1}部分`, sizes[i] ?? SECTION_SIZE, i === 0, counter));
  const services = Array.from({ length: serviceCount }, (_, j) => ({
    id: `svc${j + 1}`,
    title: `联办事项${j + 1}`,
    department: DEPARTMENTS[j % DEPARTMENTS.length] ?? 'hrss',
  }));
  const serviceSections = services.map((s, j) => section(rng, s.id, `${s.title}信息`, sizes[baseCount + j] ?? SECTION_SIZE, false, counter));
  const all = [...base, ...serviceSections];

  const schema: Obj = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `yibiao:forms/${id}`,
    title: `合成申请表（${fields}个字段）`,
    type: 'object',
    required: ['services', ...base.map((s) => s.key)],
    propertyNames: { enum: ['services', ...all.map((s) => s.key)] },
    properties: {
      services: {
        type: 'array',
        title: '申请联办事项',
        minItems: 1,
        uniqueItems: true,
        maxItems: services.length,
        items: { type: 'string', oneOf: services.map((s) => ({ const: s.id, title: s.title })) },
      },
      ...Object.fromEntries(base.map((s) => [s.key, s.schema])),
    },
    allOf: serviceSections.map((s) => ({
      $comment: `section ${s.key}: present and required only while its service is ticked`,
      if: { properties: { services: { contains: { const: s.key } } }, required: ['services'] },
      then: { properties: { [s.key]: s.schema }, required: [s.key] },
      else: { not: { required: [s.key] } },
    })),
  };
  const meta: Obj = {
    id,
    version: '2025.1.0',
    source: `synthetic form, ${fields} fields, seed ${seed}`,
    issuer: text('合成测试签发机关', 'Synthetic issuer'),
    departments: Object.fromEntries(DEPARTMENTS.map((d) => [d, text(`部门${d}`, `Department ${d}`)])),
    services: Object.fromEntries(services.map((s) => [s.id, { department: s.department, condition: text('无', 'None') }])),
    timeLimits: text('1个工作日', 'One working day'),
    contacts: [],
    declaration: text('以上填写内容均属实。', 'Everything above is true.'),
    notes: [],
    materials: [],
  };
  const ui: Obj = {
    'ui:order': ['services', ...all.map((s) => s.key)],
    services: { 'ui:widget': 'checkboxes' },
    ...Object.fromEntries(all.map((s) => [s.key, s.ui])),
  };
  const en: Obj = {
    title: `Synthetic form (${fields} fields)`,
    fields: {
      '/services': { title: 'Services', options: Object.fromEntries(services.map((s, j) => [s.id, `Service ${j + 1}`])) },
      ...Object.assign({}, ...all.map((s) => s.en)),
    },
  };
  const validData: Obj = { services: services.map((s) => s.id), ...Object.fromEntries(all.map((s) => [s.key, s.valid])) };
  return { id, fields: counter.n, files: { 'form.schema.json': schema, 'meta.json': meta, 'ui.json': ui, 'i18n/en.json': en }, validData };
}
