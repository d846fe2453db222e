import { describe, expect, it } from 'vitest';
import { findTextProblems, firstTextProblem, isNfcStarter, textProblemOf } from '../../src/submission/text.js';

describe('textProblemOf', () => {
  it.each([
    ['张三', undefined],
    ['line\nbreak\tand\r\nreturn', undefined],
    ['Zoé', undefined],
    ['Zoe\u0301', 'not-nfc'],
    ['a\u0000b', 'control'],
    ['a\u0085b', 'control'],
    ['a\u007fb', 'control'],
    ['张\u202e三', 'bidi'],
    ['\u2066x\u2069', 'bidi'],
    ['\u200fx', 'bidi'],
    ['张\u200b三', 'zero-width'],
    ['\ufeffx', 'zero-width'],
    ['a\u2060b', 'zero-width'],
    ['\u4e00e\u0301', 'not-nfc'],
    ['\u4e00\u0301', undefined],
    ['\uf900', 'not-nfc'],
    ['\u1100\u1161', 'not-nfc'],
    ['\u2000', 'not-nfc'],
    ['\u3000\u3001\uff01Ａ—…', undefined],
  ])('%j → %s', (text, kind) => {
    expect(textProblemOf(text)).toBe(kind);
  });
});

describe('findTextProblems', () => {
  it('reports every problem by pointer, keys included, never the text', () => {
    const problems = findTextProblems({ a: ['ok', 'x\u200by'], 'k\u202e': 'v', 'p/q': 'Zoe\u0301' });
    expect(problems).toEqual([
      { pointer: '/a/1', kind: 'zero-width' },
      { pointer: '/k\u202e', kind: 'bidi' },
      { pointer: '/p~1q', kind: 'not-nfc' },
    ]);
  });
});

describe('firstTextProblem', () => {
  it('is the first problem findTextProblems reports, or undefined', () => {
    const value = { a: ['ok', 'x\u200by'], 'k\u202e': 'v', 'p/q': 'Zoe\u0301' };
    expect(firstTextProblem(value)).toEqual(findTextProblems(value)[0]);
    expect(firstTextProblem({ a: ['张三', { b: 'Zoé' }] })).toBeUndefined();
  });

  it('points into arrays and escapes keys', () => {
    expect(firstTextProblem({ 'a~b': [0, { c: 'x\u0000' }] })).toEqual({ pointer: '/a~0b/1/c', kind: 'control' });
  });
});

describe('isNfcStarter (the shortcut around normalize)', () => {
  // Every code unit it vouches for must be NFC alone, never decompose, have
  // combining class 0, and never be the second character of a composition,
  // so that any string of such characters is NFC. Checked against this
  // runtime's ICU data for every code point it accepts.
  const vouched = Array.from({ length: 0x10000 }, (_, c) => c).filter(isNfcStarter);

  it('vouches only for characters that NFC leaves as they are', () => {
    const bad = vouched.filter((c) => {
      const ch = String.fromCharCode(c);
      return ch.normalize('NFC') !== ch;
    });
    expect(bad).toEqual([]);
  });

  it('vouches only for characters of combining class 0', () => {
    // A mark of class 230 before, or of class 1 after, is reordered around any other non-zero class.
    const bad = vouched.filter((c) => {
      const ch = String.fromCharCode(c);
      return `\u0301${ch}`.normalize('NFC') !== `\u0301${ch}` || `${ch}\u0334`.normalize('NFC') !== `${ch}\u0334`;
    });
    expect(bad).toEqual([]);
  });

  it('vouches for no character that is the second of a canonical composition', () => {
    const seconds = new Set<number>();
    for (let c = 0; c < 0x30000; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const d = String.fromCodePoint(c).normalize('NFD');
      if (d.length >= 2) for (let i = 1; i < d.length; i += 1) seconds.add(d.charCodeAt(i));
    }
    expect(vouched.filter((c) => seconds.has(c))).toEqual([]);
  });

  it('covers ASCII and the CJK ideographs, and not the combining marks', () => {
    expect(isNfcStarter(0x41)).toBe(true);
    expect(isNfcStarter(0x5f20)).toBe(true);
    expect(isNfcStarter(0x0301)).toBe(false);
    expect(isNfcStarter(0xf900)).toBe(false);
  });
});

describe('textProblemOf on every UTF-16 code unit', () => {
  /** The rules of SECURITY.md §2 "Unicode", written out plainly, without shortcuts. */
  function reference(text: string): string | undefined {
    for (const ch of text) {
      const c = ch.charCodeAt(0);
      if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f)) return 'control';
      if ([0x061c, 0x200e, 0x200f].includes(c) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return 'bidi';
      if ((c >= 0x200b && c <= 0x200d) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff) return 'zero-width';
    }
    return text.normalize('NFC') === text ? undefined : 'not-nfc';
  }

  it('agrees with the plain rules, alone and after a letter it could compose with', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c += 1) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `a${ch}`, `${ch}\u0301`]) if (textProblemOf(text) !== reference(text)) differ.push(c);
    }
    expect(differ).toEqual([]);
  });
});
