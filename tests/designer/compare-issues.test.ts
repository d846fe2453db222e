import { describe, expect, it } from 'vitest';
import { compareIssues } from '../../demo/src/parity/compare-issues.js';
import type { ValidationIssue } from '../../src/runtime/validation-types.js';

const issue = (path: string, code: string): ValidationIssue => ({ path, code, severity: 'error', message: { 'zh-CN': code, en: code }, keyword: code, params: {} });

describe('compareIssues', () => {
  it('agrees when both report the same paths and codes, whatever the order', () => {
    const parity = compareIssues([issue('/a', 'required'), issue('/b', 'enum')], [issue('/b', 'enum'), issue('/a', 'required')]);
    expect(parity.disagreements).toEqual([]);
    expect(parity.agreed).toBe(2);
    expect(parity.ours.valid).toBe(false);
  });

  it('lists what only one side reports', () => {
    const parity = compareIssues([issue('/a', 'required')], [issue('/a', 'format:cn-mobile')]);
    expect(parity.disagreements.map((d) => [d.path, d.code, d.only])).toEqual([
      ['/a', 'format:cn-mobile', 'rjsf'],
      ['/a', 'required', 'ours'],
    ]);
  });

  it('says both valid for no issues', () => {
    const parity = compareIssues([], []);
    expect([parity.ours.valid, parity.rjsf.valid, parity.disagreements.length]).toEqual([true, true, 0]);
  });
});
