import { describe, expect, it } from 'vitest';
import { locatePointer } from '../../demo/src/editor/json-pointer-locator.js';

const text = `{
  "title": "表",
  "a/b": { "~x": [1, {"deep": true}, "三"] },
  "empty": {},
  "list": []
}`;
const at = (pointer: string) => {
  const range = locatePointer(text, pointer);
  return range && { value: text.slice(range.from, range.to), key: range.key && text.slice(range.key.from, range.key.to) };
};

describe('locatePointer', () => {
  it('finds the whole document for the empty pointer', () => {
    expect(at('')?.value).toBe(text);
  });

  it('finds a member value and its key', () => {
    expect(at('/title')).toEqual({ value: '"表"', key: '"title"' });
  });

  it('decodes ~1 and ~0 and walks arrays by index', () => {
    expect(at('/a~1b/~0x/1/deep')).toEqual({ value: 'true', key: '"deep"' });
    expect(at('/a~1b/~0x/2')).toEqual({ value: '"三"', key: undefined });
  });

  it('answers undefined for a pointer that names nothing', () => {
    expect(at('/missing')).toBeUndefined();
    expect(at('/a~1b/~0x/3')).toBeUndefined();
    expect(at('/a~1b/~0x/01')).toBeUndefined();
    expect(at('/empty/x')).toBeUndefined();
    expect(at('/list/0')).toBeUndefined();
    expect(at('title')).toBeUndefined();
  });

  it('answers undefined for text that is not JSON', () => {
    expect(locatePointer('{"a": ', '/a')).toBeUndefined();
    expect(locatePointer('{"a": tru}', '/a')).toBeUndefined();
  });

  it('skips strings holding brackets, quotes and escapes', () => {
    const tricky = '{"s": "}]\\"{", "t": 2}';
    const range = locatePointer(tricky, '/t');
    expect(range && tricky.slice(range.from, range.to)).toBe('2');
  });
});
