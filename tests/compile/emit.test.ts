import { describe, expect, it } from 'vitest';
import { identifier, type JsCode, js, jsonLiteral } from '../../src/compile/emit.js';

describe('emit', () => {
  it('escapes a title that would close a script element, and round-trips it', () => {
    const title = ['</script><script>alert(1)</script>', '$', '{x}', '\u2028'].join('');
    const literal = jsonLiteral({ title }).toString();
    expect(literal).not.toContain('</script');
    expect(literal).not.toContain('\u2028');
    expect(JSON.parse(literal)).toEqual({ title });
  });

  it('only interpolates JsCode in generated code', () => {
    expect(js`const a = ${jsonLiteral(1)};`).toBe('const a = 1;');
    expect(() => js`const a = ${'1' as unknown as JsCode};`).toThrow(TypeError);
  });

  it('refuses an identifier that is not one', () => {
    expect(identifier('YibiaoShandongForm').toString()).toBe('YibiaoShandongForm');
    expect(() => identifier('a-b')).toThrow(TypeError);
    expect(() => identifier('x;alert(1)')).toThrow(TypeError);
  });
});
