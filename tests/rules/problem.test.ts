import { describe, expectTypeOf, it } from 'vitest';
import type { Problem, Severity } from '../../src/rules/problem.js';

describe('Problem', () => {
  it('accepts a problem without params and one with scalar params', () => {
    const bare: Problem = { path: '', code: 'E_ID_SHAPE', severity: 'error' };
    const withParams: Problem = { path: '/idNumber', code: 'E_AGE_MIN', severity: 'error', params: { min: 16, age: 15 } };
    expectTypeOf(bare).toEqualTypeOf<Problem>();
    expectTypeOf(withParams.params).toEqualTypeOf<Readonly<Record<string, string | number | boolean>> | undefined>();
  });

  it('limits severity to error and warning', () => {
    expectTypeOf<Severity>().toEqualTypeOf<'error' | 'warning'>();
  });
});
