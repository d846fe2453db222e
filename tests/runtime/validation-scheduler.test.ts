import { describe, expect, it } from 'vitest';
import { NO_ISSUES, ValidationScheduler } from '../../src/runtime/validation-scheduler.js';
import type { ValidationResult } from '../../src/runtime/validation-types.js';

const INVALID: ValidationResult = { valid: false, errors: [], warnings: [] };

/** Long enough for the scheduler's fallback timer (no requestIdleCallback in Node) to have fired. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 120));

function scheduler(): { readonly validation: ValidationScheduler; readonly checks: () => number; readonly settled: ValidationResult[] } {
  let checks = 0;
  const settled: ValidationResult[] = [];
  const validation = new ValidationScheduler({
    check: () => {
      checks += 1;
      return INVALID;
    },
    settled: (result) => settled.push(result),
  });
  return { validation, checks: () => checks, settled };
}

describe('ValidationScheduler', () => {
  it('has no issues and has not validated before the first pass', () => {
    const { validation, checks } = scheduler();
    expect(validation.result).toBe(NO_ISSUES);
    expect(validation.validated).toBe(false);
    expect(checks()).toBe(0);
  });

  it('validates now: keeps the verdict and hands it to settled', () => {
    const { validation, settled } = scheduler();
    expect(validation.validate()).toBe(INVALID);
    expect(validation.result).toBe(INVALID);
    expect(validation.validated).toBe(true);
    expect(settled).toEqual([INVALID]);
  });

  it('runs one idle pass however many times it is asked before it runs', async () => {
    const { validation, checks } = scheduler();
    validation.validateWhenIdle();
    validation.validateWhenIdle();
    validation.validateWhenIdle();
    expect(checks()).toBe(0);
    await settle();
    expect(checks()).toBe(1);
    expect(validation.validated).toBe(true);
  });

  it('drops the idle pass when the form is validated before it', async () => {
    const { validation, checks } = scheduler();
    validation.validateWhenIdle();
    validation.validate();
    await settle();
    expect(checks()).toBe(1);
  });
});
