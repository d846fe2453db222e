import { describe, expect, it } from 'vitest';
import { schemaHash } from '../../src/compile/hash.js';

describe('schemaHash', () => {
  it('does not depend on key order', () => {
    expect(schemaHash({ a: 1, b: { c: [1, 2], d: '姓名' } })).toBe(schemaHash({ b: { d: '姓名', c: [1, 2] }, a: 1 }));
  });

  it('changes when any character of the schema changes', () => {
    expect(schemaHash({ title: '姓名' })).not.toBe(schemaHash({ title: '姓 名' }));
  });

  it('is sha256 in base64url', () => {
    expect(schemaHash({})).toMatch(/^sha256-[A-Za-z0-9_-]{43}$/);
  });
});
