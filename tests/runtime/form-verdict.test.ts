import { describe, expect, it } from 'vitest';
import { submissionData } from '../../src/runtime/form-state.js';
import { formVerdict } from '../../src/runtime/form-verdict.js';
import { validateData } from '../../src/runtime/validate.js';
import { demoForm } from './fixtures/demo-form.js';

const VALID = {
  services: ['fund'],
  applicant: { name: '张三', idNumber: '11010519491231002X', sex: '2' },
  fund: { rate: 5, paymentMethod: 'selfPay' },
  declaration: { agreed: true },
};

describe('formVerdict', () => {
  it('adds E_CROSS_ORIGIN_FRAME to the validator’s verdict in a frame the host did not allow', () => {
    const framed = formVerdict({ form: demoForm, data: VALID, held: () => 0, framed: true });
    expect(framed.valid).toBe(false);
    expect(framed.errors.map((e) => e.code)).toContain('E_CROSS_ORIGIN_FRAME');
  });

  it('is the validator’s verdict outside such a frame', () => {
    const verdict = formVerdict({ form: demoForm, data: VALID, held: () => 0, framed: false });
    const alone = validateData(demoForm, submissionData(demoForm.model, VALID));
    expect(verdict.valid).toBe(alone.valid);
    expect(verdict.errors.map((e) => e.code)).toEqual(alone.errors.map((e) => e.code));
    expect(verdict.errors.map((e) => e.code)).not.toContain('E_CROSS_ORIGIN_FRAME');
    expect(formVerdict({ form: demoForm, data: {}, held: () => 0, framed: false }).valid).toBe(false);
  });
});
