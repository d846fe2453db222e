import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ProjectPaths, projectPaths } from '../../src/compile/paths.js';
import { ROOT } from './forms.js';

/** A minimal valid form (two services, one conditional section) to break in tests. */
export function minimalForm(): { schema: Record<string, unknown>; meta: Record<string, unknown>; ui: Record<string, unknown>; en: Record<string, unknown> } {
  return {
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      title: '测试表',
      type: 'object',
      required: ['services', 'applicant'],
      properties: {
        services: {
          type: 'array',
          title: '申请联办事项',
          minItems: 1,
          uniqueItems: true,
          items: { type: 'string', oneOf: [{ const: 'pensionRegistration', title: '参保登记' }, { const: 'archiveTransfer', title: '档案转递' }] },
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
          then: {
            properties: {
              archiveTransfer: {
                type: 'object',
                title: '档案转递',
                required: ['receiver'],
                additionalProperties: false,
                properties: { receiver: { type: 'string', title: '接收档案机构', minLength: 1, maxLength: 50 } },
              },
            },
            required: ['archiveTransfer'],
          },
          else: { not: { required: ['archiveTransfer'] } },
        },
      ],
    },
    meta: {
      id: 'test',
      version: '1.0.0',
      source: 'test',
      issuer: { 'zh-CN': '测试', en: 'Test' },
      departments: { hrss: { 'zh-CN': '人社', en: 'HRSS' } },
      services: { pensionRegistration: { department: 'hrss' }, archiveTransfer: { department: 'hrss' } },
    },
    ui: { 'ui:order': ['services', 'applicant', 'archiveTransfer'] },
    en: {
      title: 'Test form',
      fields: {
        '/services': { title: 'Services', options: { pensionRegistration: 'Pension', archiveTransfer: 'Archive' } },
        '/applicant': { title: 'Applicant' },
        '/archiveTransfer': { title: 'Archive transfer' },
        '/archiveTransfer/receiver': { title: 'Receiving institution' },
      },
    },
  };
}

/**
 * A throw-away project with the real `forms/common` and one form written from
 * the given files (a string is written verbatim, to test syntax errors).
 */
export function tempProject(files: { schema: unknown; meta: unknown; ui: unknown; en: unknown }, id = 'test'): ProjectPaths {
  const root = mkdtempSync(path.join(tmpdir(), 'yibiao-'));
  cpSync(path.join(ROOT, 'forms', 'common'), path.join(root, 'forms', 'common'), { recursive: true });
  const dir = path.join(root, 'forms', id);
  mkdirSync(path.join(dir, 'i18n'), { recursive: true });
  const write = (file: string, value: unknown) =>
    writeFileSync(path.join(dir, file), typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  write('form.schema.json', files.schema);
  write('meta.json', files.meta);
  write('ui.json', files.ui);
  write(path.join('i18n', 'en.json'), files.en);
  return { ...projectPaths(ROOT), root, forms: path.join(root, 'forms'), common: path.join(root, 'forms', 'common') };
}
