import { describe, expect, it } from 'vitest';
import {
  normalizeDigits,
  normalizeIdNumber,
  normalizeLandline,
  normalizeMobile,
  normalizeText,
} from '../../src/rules/normalize.js';

describe('normalizeText', () => {
  it('applies NFKC and trims surrounding whitespace', () => {
    expect(normalizeText('  ＡＢＣ１２３　')).toBe('ABC123');
  });

  it('keeps inner spaces of free text', () => {
    expect(normalizeText(' 威海市 环翠区 ')).toBe('威海市 环翠区');
  });
});

describe('normalizeIdNumber', () => {
  it('turns full-width IME digits and letters into ASCII and upper-cases x', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });

  it('removes spaces, ideographic spaces and hyphens anywhere', () => {
    expect(normalizeIdNumber(' 110105-19491231\u3000002 x ')).toBe('11010519491231002X');
  });

  it('removes dash-like characters and zero-width spaces from copy-paste', () => {
    expect(normalizeIdNumber('110105\u201019491231\u200B002X')).toBe('11010519491231002X');
  });
});

describe('normalizeDigits', () => {
  it('removes spaces and hyphens from an account number', () => {
    expect(normalizeDigits('6217 0012-3456 7890 122')).toBe('6217001234567890122');
  });

  it('converts full-width digits', () => {
    expect(normalizeDigits('６２１７００１２３４５６７８９０１２２')).toBe('6217001234567890122');
  });

  it('keeps letters so that a format check can reject them', () => {
    expect(normalizeDigits('62a7')).toBe('62a7');
  });
});

describe('normalizeMobile', () => {
  it('converts full-width digits from a Chinese IME', () => {
    expect(normalizeMobile('１３８１２３４５６７８')).toBe('13812345678');
  });

  it('strips a +86 prefix, with or without spaces and hyphens', () => {
    expect(normalizeMobile('+86 138-1234-5678')).toBe('13812345678');
    expect(normalizeMobile('＋８６１３８１２３４５６７８')).toBe('13812345678');
  });

  it('strips 0086 and 86 prefixes', () => {
    expect(normalizeMobile('0086 13812345678')).toBe('13812345678');
    expect(normalizeMobile('8613812345678')).toBe('13812345678');
  });

  it('keeps a prefix-like start when stripping would not leave 11 digits', () => {
    expect(normalizeMobile('861381234567')).toBe('861381234567');
  });
});

describe('normalizeLandline', () => {
  it('keeps hyphens but removes spaces', () => {
    expect(normalizeLandline(' 0631 - 5198106 ')).toBe('0631-5198106');
  });

  it('turns full-width digits and the full-width hyphen into ASCII', () => {
    expect(normalizeLandline('０６３１－５１９８１０６')).toBe('0631-5198106');
  });

  it('turns a dash-like character into a hyphen', () => {
    expect(normalizeLandline('0631\u20145198106')).toBe('0631-5198106');
  });
});

describe('every normaliser', () => {
  const functions = [normalizeText, normalizeIdNumber, normalizeDigits, normalizeMobile, normalizeLandline];
  const inputs = ['', '   ', '\uD800', 'ß', '\u0000', '－－－', '😀'];

  it('returns a string and never throws on odd input', () => {
    for (const fn of functions) {
      for (const input of inputs) expect(typeof fn(input)).toBe('string');
    }
  });
});
