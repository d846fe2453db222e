import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeBase64urlStrict } from '../../src/submission/base64url.js';
import { type Base64urlCodec, nodeBase64urlCodec } from '../../src/submission/node-base64url.js';

const node = nodeBase64urlCodec() as Base64urlCodec;
const codecs: readonly [string, Base64urlCodec | undefined][] = [
  ['jose (default)', undefined],
  ["Node's", node],
];

describe.each(codecs)('decodeBase64urlStrict with %s codec', (_name, codec) => {
  it('decodes canonical base64url of every length', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(decodeBase64urlStrict(base64url.encode(bytes), '/x', codec)).toEqual(bytes);
    }
  });

  it.each([
    ['padding', 'AQ=='],
    ['unused low bits set', 'AR'],
    ['unused low bits set (3 chars)', 'AQF'],
    ['whitespace', 'AQ ID'],
    ['a line break', 'AQID\nBA'],
    ['base64 "+"', 'A+8'],
    ['base64 "/"', 'A/8'],
    ['a length of 4k+1', 'AQIDB'],
    ['a non-ASCII character', 'AQé'],
  ])('refuses %s with E_MALFORMED', (_what, text) => {
    expect(() => decodeBase64urlStrict(text, '/x', codec)).toThrow(expect.objectContaining({ code: 'E_MALFORMED', pointer: '/x' }));
  });
});

describe("Node's codec", () => {
  it('returns bytes that own their buffer (not a view into a shared pool)', () => {
    const bytes = node.decode('AQID');
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(3);
  });
});
