import { describe, expect, it } from 'vitest';
import { className, tagName } from '../../src/compile/component.js';

describe('component names', () => {
  it('names the tag yibiao-<formId> and the class Yibiao<FormId>Form', () => {
    expect(tagName('shandong')).toBe('yibiao-shandong');
    expect(className('shandong')).toBe('YibiaoShandongForm');
    expect(className('inner-mongolia')).toBe('YibiaoInnerMongoliaForm');
  });
});
