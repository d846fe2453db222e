import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUPS } from '../../src/rules/ethnic-groups.js';

describe('ETHNIC_GROUPS', () => {
  it('has the 56 groups in code order followed by 97 and 98', () => {
    const codes = ETHNIC_GROUPS.map((group) => group.code);
    const expected = Array.from({ length: 56 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(codes).toEqual([...expected, '97', '98']);
  });

  it('labels the codes with their GB/T 3304 names and romanisations', () => {
    expect(ETHNIC_GROUPS[0]).toEqual({ code: '01', zh: '汉族', en: 'Han' });
    expect(ETHNIC_GROUPS.find((group) => group.code === '08')).toEqual({ code: '08', zh: '壮族', en: 'Zhuang' });
    expect(ETHNIC_GROUPS.find((group) => group.code === '46')).toEqual({ code: '46', zh: '德昂族', en: 'Deang' });
    expect(ETHNIC_GROUPS.find((group) => group.code === '56')).toEqual({ code: '56', zh: '基诺族', en: 'Jino' });
  });

  it('describes 97 and 98 in English', () => {
    expect(ETHNIC_GROUPS.find((group) => group.code === '97')).toEqual({
      code: '97',
      zh: '其他（未识别民族）',
      en: 'Other (unidentified)',
    });
    expect(ETHNIC_GROUPS.find((group) => group.code === '98')).toEqual({
      code: '98',
      zh: '外国血统中国籍人士',
      en: 'Chinese citizen of foreign origin',
    });
  });

  it('has unique codes and names', () => {
    expect(new Set(ETHNIC_GROUPS.map((group) => group.code)).size).toBe(58);
    expect(new Set(ETHNIC_GROUPS.map((group) => group.zh)).size).toBe(58);
    expect(new Set(ETHNIC_GROUPS.map((group) => group.en)).size).toBe(58);
  });

  it('never offers the pre-1985 names 崩龙族 and 毛难族', () => {
    const names = ETHNIC_GROUPS.map((group) => group.zh);
    expect(names).not.toContain('崩龙族');
    expect(names).not.toContain('毛难族');
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ETHNIC_GROUPS)).toBe(true);
    expect(Object.isFrozen(ETHNIC_GROUPS[0])).toBe(true);
  });
});
