import { describe, expect, it } from 'vitest';
import { submissionData } from '../../src/runtime/form-state.js';
import { fieldLayout, issuesByPlace, shownMessages } from '../../src/runtime/issue-layout.js';
import { toIssues, validateData } from '../../src/runtime/validate.js';
import { demoForm } from './fixtures/demo-form.js';

const { model } = demoForm;

describe('fieldLayout', () => {
  it('keeps the layout while only values change, and makes a new one when a condition or a service changes', () => {
    const first = fieldLayout(model, { services: ['fund'], fund: { rate: 5 } });
    expect(fieldLayout(model, { services: ['fund'], fund: { rate: 6 } })).toBe(first);
    expect(first.paths).not.toContain('/fund/withholdingBank');
    const withholding = fieldLayout(model, { services: ['fund'], fund: { paymentMethod: 'withholding' } });
    expect(withholding).not.toBe(first);
    expect(withholding.paths).toContain('/fund/withholdingBank');
    expect(fieldLayout(model, { services: [] }).paths).not.toContain('/fund/rate');
  });
});

describe('issuesByPlace', () => {
  it('groups issues in form order: services first, then fields as rendered, then the extra places', () => {
    const data = { services: ['card'] };
    const issue = (path: string) => ({ path, code: 'required', severity: 'error' as const, message: { 'zh-CN': path, en: path }, keyword: 'required', params: {} });
    const places = issuesByPlace(model, data, [issue('#material/photo'), issue('/card/bank'), issue('/applicant/name'), issue('/fund/rate'), issue('/services')], ['#material/photo']);
    // /fund/rate is not on screen (fund not ticked): it is shown with the services.
    expect([...places.keys()]).toEqual(['/services', '/applicant/name', '/card/bank', '#material/photo']);
    expect(places.get('/services')?.map((i) => i.path)).toEqual(['/fund/rate', '/services']);
  });
});

describe('lazy messages', () => {
  it('formats a message when it is read, and serialises it like a plain field', () => {
    const [issue] = toIssues(model, [{ instancePath: '/applicant', schemaPath: '#/required', keyword: 'required', params: { missingProperty: 'name' } }], 'error');
    expect(issue?.message['zh-CN']).toBe('请填写“姓名”');
    expect(issue?.message).toBe(issue?.message);
    expect(JSON.parse(JSON.stringify(issue))).toEqual({ path: '/applicant/name', code: 'required', severity: 'error', message: { 'zh-CN': '请填写“姓名”', en: 'Enter Full name' }, keyword: 'required', params: { missingProperty: 'name' } });
  });
});

describe('shownMessages', () => {
  const data = { services: ['card'], applicant: { idNumber: '1101' } };
  const result = validateData(demoForm, submissionData(model, data));
  const errors = issuesByPlace(model, data, result.errors);
  const warnings = issuesByPlace(model, data, result.warnings);

  it('gives the first error of the shown fields only, and a per-section key that changes with them', () => {
    const shown = new Set(['/applicant/idNumber']);
    const messages = shownMessages({ errors, warnings, shown: (p) => shown.has(p), lang: 'zh-CN', skip: new Set() });
    expect([...messages.at.keys()]).toEqual(['/applicant/idNumber']);
    expect(messages.at.get('/applicant/idNumber')?.error).toContain('身份证');
    expect([...messages.bySection.keys()]).toEqual(['applicant']);
    shown.add('/card/bank');
    const more = shownMessages({ errors, warnings, shown: (p) => shown.has(p), lang: 'zh-CN', skip: new Set() });
    expect(more.bySection.get('applicant')).toBe(messages.bySection.get('applicant'));
    expect(more.at.get('/card/bank')?.error).toBe('请填写“制卡银行”');
  });

  it('never reads the message of an issue that is not shown', () => {
    let read = 0;
    const issue = { path: '/applicant/name', code: 'required', severity: 'error' as const, keyword: 'required', params: {}, get message() {
      read += 1;
      return { 'zh-CN': 'x', en: 'x' };
    } };
    const places = issuesByPlace(model, data, [issue]);
    shownMessages({ errors: places, warnings: new Map(), shown: () => false, lang: 'zh-CN', skip: new Set() });
    expect(read).toBe(0);
    shownMessages({ errors: places, warnings: new Map(), shown: () => true, lang: 'zh-CN', skip: new Set() });
    expect(read).toBe(1);
  });
});
