import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../src/submission/time.js';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('shanghaiDate', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(shanghaiDate(at('2026-11-22T15:59:59Z'))).toBe('2026-11-22');
    expect(shanghaiDate(at('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
  });

  it('handles year ends and leap days', () => {
    expect(shanghaiDate(at('2027-12-31T16:00:00Z'))).toBe('2028-01-01');
    expect(shanghaiDate(at('2028-02-28T16:30:00Z'))).toBe('2028-02-29');
  });

  it('agrees with Intl for Asia/Shanghai', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let t = at('2024-01-01T00:00:00Z'); t < at('2026-01-01T00:00:00Z'); t += 7919 * 60) {
      expect(shanghaiDate(t)).toBe(format.format(new Date(t * 1000)));
    }
  });
});
