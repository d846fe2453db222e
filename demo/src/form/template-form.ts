import type { SourceText } from '../../../src/designer-api/types.js';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The files of a new form: a minimal valid form with two services and one
 * section shown (and required) only while its service is ticked — the shape
 * docs/authoring.md describes, like tests/helpers/temp-project.ts minimalForm.
 *
 * @param id - the new form's id.
 */
export function templateForm(id: string): SourceText[] {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `yibiao:forms/${id}`,
    title: '灵活就业参保“一件事”申请表',
    type: 'object',
    required: ['services', 'applicant'],
    propertyNames: { enum: ['services', 'applicant', 'archiveTransfer'] },
    properties: {
      services: {
        type: 'array',
        title: '申请联办事项',
        minItems: 1,
        uniqueItems: true,
        items: {
          type: 'string',
          oneOf: [
            { const: 'pensionRegistration', title: '灵活就业人员参保登记' },
            { const: 'archiveTransfer', title: '流动人员人事档案接收和转递' },
          ],
        },
      },
      applicant: {
        type: 'object',
        title: '申请人基本信息',
        required: ['name'],
        additionalProperties: false,
        properties: { name: { $ref: '../common/person.schema.json#/definitions/name' } },
      },
    },
    allOf: [
      {
        if: { properties: { services: { contains: { const: 'archiveTransfer' } } }, required: ['services'] },
        then: { properties: { archiveTransfer: { $ref: '#/definitions/archiveTransfer' } }, required: ['archiveTransfer'] },
        else: { not: { required: ['archiveTransfer'] } },
      },
    ],
    definitions: {
      archiveTransfer: {
        type: 'object',
        title: '流动人员人事档案接收和转递',
        required: ['receiver'],
        additionalProperties: false,
        properties: { receiver: { type: 'string', title: '档案接收机构', minLength: 1, maxLength: 50 } },
      },
    },
  };
  const meta = {
    id,
    version: '0.1.0',
    source: 'designer template',
    issuer: { 'zh-CN': '（发布机关）', en: '(issuer)' },
    departments: { hrss: { 'zh-CN': '人力资源和社会保障局', en: 'Human Resources and Social Security Bureau' } },
    services: { pensionRegistration: { department: 'hrss' }, archiveTransfer: { department: 'hrss' } },
  };
  const ui = { 'ui:order': ['services', 'applicant', 'archiveTransfer'] };
  const en = {
    title: 'Joint application for flexible workers',
    fields: {
      '/services': { title: 'Services applied for', options: { pensionRegistration: 'Pension insurance registration', archiveTransfer: 'Personnel archive transfer' } },
      '/applicant': { title: 'Applicant' },
      '/archiveTransfer': { title: 'Personnel archive transfer' },
      '/archiveTransfer/receiver': { title: 'Receiving institution' },
    },
  };
  return [
    { path: 'form.schema.json', text: json(schema) },
    { path: 'ui.json', text: json(ui) },
    { path: 'i18n/en.json', text: json(en) },
    { path: 'meta.json', text: json(meta) },
  ];
}
