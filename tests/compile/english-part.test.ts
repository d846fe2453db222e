import { describe, expect, it } from 'vitest';
import { englishPartModule, splitEnglish } from '../../src/compile/english-part.js';
import { fillEnglish, localizedTexts, textIn } from '../../src/runtime/i18n/localized-texts.js';
import { builtForm, formIds } from '../helpers/forms.js';

describe('the English texts of a built widget, split off and put back', () => {
  it.each(formIds())('%s: split off every English text, and put back they give the same model', async (id) => {
    const { model } = await builtForm(id);
    const before = JSON.stringify(model);
    const split = splitEnglish(model);
    expect(JSON.stringify(model)).toBe(before);
    const texts = localizedTexts(split.model);
    expect(texts.length).toBeGreaterThan(50);
    expect(texts.every((t) => !('en' in t))).toBe(true);
    expect(JSON.stringify(split.model)).not.toContain('"en":');
    expect(split.english).toHaveLength(texts.length);
    fillEnglish(split.model, split.english);
    expect(split.model).toEqual(model);
  });

  it('keeps a text without English as zh-CN only, and refuses a part of another build', () => {
    const model = { title: { 'zh-CN': '甲', en: 'A' }, notes: [{ 'zh-CN': '乙' }, { 'zh-CN': '丙', en: 'C' }], code: { value: 'x' } };
    const split = splitEnglish(model as never);
    expect(split.english).toEqual(['A', null, 'C']);
    expect(() => fillEnglish(split.model, ['A', null])).toThrow(/2 texts, the model 3/);
    fillEnglish(split.model, split.english);
    expect(split.model).toEqual(model);
  });

  it('emits the texts as an escaped literal, and textIn falls back to zh-CN', () => {
    expect(englishPartModule(['</script>', null])).toContain('export const ENGLISH = ["\\u003c/script\\u003e",null];');
    expect(textIn({ 'zh-CN': '姓名' }, 'en')).toBe('姓名');
    expect(textIn({ 'zh-CN': '姓名', en: 'Name' }, 'en')).toBe('Name');
  });
});
