/** The token tampering helpers of the refusal properties (tests/helpers/tamper.ts). */
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { changeCharacter, flipBit, regionAt } from './tamper.js';

const TOKEN = `${base64url.encode('{"a":1}')}.${base64url.encode(new Uint8Array([0, 1, 2]))}.${base64url.encode(new Uint8Array([255, 254]))}`;
const [H, P, S] = TOKEN.split('.') as [string, string, string];

describe('flipBit', () => {
  it('flips exactly the one bit of the payload, leaving header and signature', () => {
    const [h, p, s] = flipBit(TOKEN, 'payload', 4, 7).split('.');
    expect([h, s]).toEqual([H, S]);
    expect(Array.from(base64url.decode(p ?? ''))).toEqual([0, 1 ^ 0x80, 2]);
  });

  it('flips a bit of the signature, leaving header and payload', () => {
    const [h, p, s] = flipBit(TOKEN, 'signature', 0, 0).split('.');
    expect([h, p]).toEqual([H, P]);
    expect(Array.from(base64url.decode(s ?? ''))).toEqual([254, 254]);
  });
});

describe('changeCharacter', () => {
  it('changes the one character at the position, modulo the length', () => {
    const changed = changeCharacter(TOKEN, TOKEN.length + 1, 1);
    expect(changed).not.toBe(TOKEN);
    expect(changed.length).toBe(TOKEN.length);
    expect([...changed].filter((c, i) => c !== TOKEN[i])).toHaveLength(1);
    expect(changed.charCodeAt(1)).toBe(TOKEN.charCodeAt(1) ^ 1);
  });
});

describe('regionAt', () => {
  it('names the segment of a position; a dot counts with the segment before it', () => {
    expect(regionAt(TOKEN, 0)).toBe('header');
    expect(regionAt(TOKEN, H.length)).toBe('header');
    expect(regionAt(TOKEN, H.length + 1)).toBe('payload');
    expect(regionAt(TOKEN, H.length + 1 + P.length)).toBe('payload');
    expect(regionAt(TOKEN, H.length + 2 + P.length)).toBe('signature');
    expect(regionAt(TOKEN, TOKEN.length)).toBe('header');
  });
});
