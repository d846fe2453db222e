import { describe, expect, it } from 'vitest';
import type { SectionModel } from '../../src/ir/types.js';
import { sectionsHolding } from '../../src/runtime/progressive-sections.js';

const section = (fields: number) => ({ fields: Array.from({ length: fields }) }) as unknown as SectionModel;

describe('sectionsHolding', () => {
  const sections = [section(25), section(25), section(25), section(5)];

  it('counts sections from the given one until they hold the fields wanted', () => {
    expect(sectionsHolding(sections, 0, 50)).toBe(2);
    expect(sectionsHolding(sections, 0, 51)).toBe(3);
    expect(sectionsHolding(sections, 2, 60)).toBe(2);
  });

  it('takes at least one section, and never more than there are', () => {
    expect(sectionsHolding(sections, 0, 0)).toBe(1);
    expect(sectionsHolding(sections, 0, 1000)).toBe(4);
    expect(sectionsHolding(sections, 4, 10)).toBe(0);
  });
});
