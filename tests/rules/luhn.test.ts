import { describe, expect, it } from 'vitest';
import { luhnValid } from '../../src/rules/luhn.js';

describe('luhnValid', () => {
  it('accepts the DOMAIN §4 example 6217001234567890122', () => {
    expect(luhnValid('6217001234567890122')).toBe(true);
  });

  it('rejects 6217001234567890123', () => {
    expect(luhnValid('6217001234567890123')).toBe(false);
  });

  it('accepts well-known test numbers of various lengths', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('4111111111111111')).toBe(true);
  });

  it('rejects an empty string and non-digits', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111 1111 1111 1111')).toBe(false);
    expect(luhnValid('41111111111111１1')).toBe(false);
  });
});
