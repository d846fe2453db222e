import { describe, expect, it } from 'vitest';
import { findTextProblems, textProblemOf } from '../../src/submission/text.js';

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
