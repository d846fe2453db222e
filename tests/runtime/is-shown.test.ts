import { describe, expect, it } from 'vitest';
import { isShown } from '../../src/runtime/is-shown.js';

describe('isShown', () => {
  it('shows a field’s problems once it was left, and no other field’s', () => {
    const state = { touched: new Set(['/applicant/name']), attempted: false };
    expect(isShown(state, '/applicant/name')).toBe(true);
    expect(isShown(state, '/applicant/idNumber')).toBe(false);
  });

  it('shows every problem once a submission was attempted', () => {
    expect(isShown({ touched: new Set(), attempted: true }, '/applicant/idNumber')).toBe(true);
  });
});
