/**
 * A small but real compiled form for the submission tests: a draft-07 schema
 * compiled with ajv, and the hand-written FormModel that matches it.
 *
 * - services `socialSecurityCard` (no section of its own) and `housingFund`
 *   (switches on the `housingFund` section through `allOf/0` if/then/else);
 * - the always-present section `applicant`, whose `bank` field applies only
 *   when `paymentMethod` is `bank` (`applicant/allOf/0`).
 */
import { createHash } from 'node:crypto';
import { Ajv } from 'ajv';
import canonicalize from 'canonicalize';
import type { FormModel } from '../../src/ir/types.js';
import type { CompiledForm, FormRegistry } from '../../src/runtime/compiled-form.js';
import type { CompiledValidateFunction, RawValidationError, ValidationContext } from '../../src/runtime/validation-types.js';

const t = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The bundled schema of the test form. */
export const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://yibiao.example/forms/testform/form.schema.json',
  type: 'object',
  additionalProperties: false,
  required: ['services', 'applicant'],
  properties: {
    services: {
      type: 'array',
      items: { enum: ['socialSecurityCard', 'housingFund'] },
      uniqueItems: true,
      minItems: 1,
    },
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'mobile', 'paymentMethod'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 30 },
        mobile: { type: 'string', pattern: '^1[3-9][0-9]{9}$' },
        paymentMethod: { enum: ['bank', 'cash'] },
        bank: { type: 'string', minLength: 1, maxLength: 30 },
        children: { type: 'integer', minimum: 0, maximum: 20 },
      },
      allOf: [
        {
          if: { properties: { paymentMethod: { const: 'bank' } }, required: ['paymentMethod'] },
          then: { required: ['bank'] },
          else: { not: { required: ['bank'] } },
        },
      ],
    },
    housingFund: {
      type: 'object',
      additionalProperties: false,
      required: ['accountBank', 'monthlyAmount'],
      properties: {
        accountBank: { enum: ['icbc', 'ccb'] },
        monthlyAmount: { type: 'string', pattern: '^[0-9]{1,7}(\\.[0-9]{2})?$' },
      },
    },
  },
  allOf: [
    {
      if: { properties: { services: { contains: { const: 'housingFund' } } }, required: ['services'] },
      then: { required: ['housingFund'] },
      else: { not: { required: ['housingFund'] } },
    },
  ],
} as const;

function hashOf(value: unknown): string {
  return `sha256-${createHash('sha256').update(canonicalize(value) ?? '', 'utf8').digest('base64url')}`;
}

/** The schema hash the model publishes. */
export const SCHEMA_HASH = hashOf(schema);

/** The hash of an edited schema (another `maxLength`): what a stale page would send. */
export const OTHER_SCHEMA_HASH = hashOf({ ...schema, title: 'edited' });

/** The model of the test form. */
export const model: FormModel = {
  id: 'testform',
  version: '1.2.0',
  schemaHash: SCHEMA_HASH,
  title: t('测试联办表', 'Test joint application'),
  meta: {
    issuer: t('测试发证机关', 'Test issuer'),
    source: 'tests/submission/fixture-form.ts',
    departments: { hrss: t('人社', 'HRSS'), housingFund: t('公积金中心', 'Housing fund centre') },
  },
  servicesPath: '/services',
  servicesTitle: t('申请联办事项', 'Services to apply for'),
  services: [
    { id: 'socialSecurityCard', title: t('社会保障卡申领', 'Social security card'), department: 'hrss', sections: [] },
    { id: 'housingFund', title: t('住房公积金开户', 'Housing fund account'), department: 'housingFund', sections: ['housingFund'] },
  ],
  sections: [
    {
      key: 'applicant',
      title: t('申请人信息', 'Applicant'),
      fields: [
        { path: '/applicant/name', key: 'name', kind: 'text', title: t('姓名', 'Name'), required: true, sensitive: true, maxLength: 30 },
        { path: '/applicant/mobile', key: 'mobile', kind: 'text', title: t('手机号码', 'Mobile number'), required: true, sensitive: true },
        {
          path: '/applicant/paymentMethod',
          key: 'paymentMethod',
          kind: 'radio',
          title: t('缴费方式', 'Payment method'),
          required: true,
          options: [
            { value: 'bank', label: t('代扣代缴', 'Bank debit') },
            { value: 'cash', label: t('现金', 'Cash') },
          ],
        },
        {
          path: '/applicant/bank',
          key: 'bank',
          kind: 'text',
          title: t('代扣银行', 'Debit bank'),
          required: true,
          visibleWhen: { field: '/applicant/paymentMethod', equals: 'bank' },
        },
        { path: '/applicant/children', key: 'children', kind: 'integer', title: t('子女数', 'Children'), required: false },
      ],
    },
    {
      key: 'housingFund',
      title: t('住房公积金', 'Housing fund'),
      service: 'housingFund',
      fields: [
        {
          path: '/housingFund/accountBank',
          key: 'accountBank',
          kind: 'select',
          title: t('开户银行', 'Account bank'),
          required: true,
          options: [
            { value: 'icbc', label: t('工商银行', 'ICBC') },
            { value: 'ccb', label: t('建设银行', 'CCB') },
          ],
        },
        { path: '/housingFund/monthlyAmount', key: 'monthlyAmount', kind: 'text', title: t('月缴存额', 'Monthly amount'), required: true },
      ],
    },
  ],
  rules: [
    {
      id: 'section:housingFund',
      kind: 'section',
      schemaPath: '#/allOf/0',
      target: '/housingFund',
    },
    {
      id: 'requiredIf:bank',
      kind: 'requiredIf',
      schemaPath: '#/properties/applicant/allOf/0',
      target: '/applicant/bank',
    },
  ],
  materials: [
    {
      id: 'idCardCopy',
      title: t('身份证复印件', 'Copy of ID card'),
      services: [],
      required: false,
      channels: ['upload', 'offline'],
      accept: ['image/jpeg', 'image/png'],
      maxBytes: 1024 * 1024,
    },
    {
      id: 'housingFundProof',
      title: t('公积金证明', 'Housing fund proof'),
      services: ['housingFund'],
      required: false,
      channels: ['upload'],
    },
    { id: 'paperOnly', title: t('纸质材料', 'Paper only'), services: [], required: false, channels: ['offline'] },
  ],
};

const ajv = new Ajv({ allErrors: true, strict: false });
const ajvValidate = ajv.compile(schema);

/** The `today` of the last validation (the verifier must pass the `iat` date in Asia/Shanghai). */
export const seen: { today: string | undefined } = { today: undefined };

const validate = function (this: unknown, data: unknown): boolean {
  seen.today = (this as ValidationContext | undefined)?.today;
  const valid = ajvValidate(data);
  validate.errors = (ajvValidate.errors ?? null) as readonly RawValidationError[] | null;
  return valid;
} as CompiledValidateFunction;

/** The compiled test form. */
export const form: CompiledForm = { model, validate };

/** A registry holding the test form only. */
export const registry: FormRegistry = {
  get: (id) => (id === model.id ? form : undefined),
};

/** A fixed clock for every test: 2026-11-23 10:00 in Beijing. */
export const NOW = new Date('2026-11-23T02:00:00Z');

/** Seconds of {@link NOW}. */
export const NOW_SECONDS = NOW.getTime() / 1000;

/** Valid data with both services ticked. */
export function validData(): Record<string, unknown> {
  return {
    services: ['socialSecurityCard', 'housingFund'],
    applicant: { name: '张三', mobile: '13812345678', paymentMethod: 'bank', bank: '工商银行', children: 2 },
    housingFund: { accountBank: 'icbc', monthlyAmount: '1200.00' },
  };
}

/** Valid data with only the social security card ticked. */
export function cardOnlyData(): Record<string, unknown> {
  return {
    services: ['socialSecurityCard'],
    applicant: { name: '李四', mobile: '13912345678', paymentMethod: 'cash' },
  };
}
