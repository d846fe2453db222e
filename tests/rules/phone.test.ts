import { describe, expect, it } from 'vitest';
import { isLandline, isMobile, isPostcode } from '../../src/rules/phone.js';

describe('isMobile', () => {
  it('accepts 11-digit numbers starting 13 to 19', () => {
    for (const prefix of ['13', '14', '15', '16', '17', '18', '19']) expect(isMobile(`${prefix}812345678`)).toBe(true);
  });

  it('rejects numbers starting 10, 11 or 12 and wrong lengths', () => {
    expect(isMobile('10812345678')).toBe(false);
    expect(isMobile('11812345678')).toBe(false);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
    expect(isMobile('138123456789')).toBe(false);
  });

  it('accepts full-width digits typed with a Chinese IME', () => {
    expect(isMobile('１３８１２３４５６７８')).toBe(true);
  });

  it('accepts the +86, 0086 and 86 prefixes with spaces and hyphens', () => {
    expect(isMobile('+86 138 1234 5678')).toBe(true);
    expect(isMobile('+86-13812345678')).toBe(true);
    expect(isMobile('0086 13812345678')).toBe(true);
    expect(isMobile('8613812345678')).toBe(true);
  });

  it('rejects a landline number', () => {
    expect(isMobile('0631-5198106')).toBe(false);
  });
});

describe('isLandline', () => {
  it('accepts the Weihai help number 0631-5198106', () => {
    expect(isLandline('0631-5198106')).toBe(true);
  });

  it('accepts 3- and 4-digit area codes, with or without the hyphen, and 8-digit local numbers', () => {
    expect(isLandline('010-62345678')).toBe(true);
    expect(isLandline('02162345678')).toBe(true);
    expect(isLandline('06315198106')).toBe(true);
  });

  it('accepts an extension of up to 6 digits', () => {
    expect(isLandline('010-62345678-8001')).toBe(true);
    expect(isLandline('010-62345678-123456')).toBe(true);
    expect(isLandline('010-62345678-1234567')).toBe(false);
  });

  it('accepts full-width digits and hyphens', () => {
    expect(isLandline('０６３１－５１９８１０６')).toBe(true);
  });

  it('rejects local numbers starting 0 or 1 and numbers without area code', () => {
    expect(isLandline('0631-1198106')).toBe(false);
    expect(isLandline('0631-0198106')).toBe(false);
    expect(isLandline('5198106')).toBe(false);
  });

  it('rejects five-digit service numbers', () => {
    expect(isLandline('12345')).toBe(false);
    expect(isLandline('0631-12345')).toBe(false);
    expect(isLandline('12333')).toBe(false);
  });

  it('rejects a mobile number', () => {
    expect(isLandline('13812345678')).toBe(false);
  });
});

describe('isPostcode', () => {
  it('accepts six digits, including full-width ones', () => {
    expect(isPostcode('264200')).toBe(true);
    expect(isPostcode('２６４２００')).toBe(true);
  });

  it('rejects other lengths and letters', () => {
    expect(isPostcode('26420')).toBe(false);
    expect(isPostcode('2642000')).toBe(false);
    expect(isPostcode('26420A')).toBe(false);
    expect(isPostcode('')).toBe(false);
  });
});
