import { describe, expect, it } from 'vitest';
import { HeaderCache } from '../../src/submission/header-cache.js';
import { splitToken } from '../../src/submission/token-signature.js';
import { encoder, joseSubmission, payloadOf, testKey } from './helpers.js';

const ES256 = new Set(['ES256']);

async function headerOf(header?: Record<string, unknown>): Promise<{ segment: string; bytes: Uint8Array }> {
  const key = await testKey();
  const parts = splitToken(await joseSubmission(payloadOf(), key, header === undefined ? {} : { header: { ...header, jwk: key.jwk } }));
  return { segment: parts.headerSegment, bytes: parts.header };
}

describe('HeaderCache', () => {
  it('answers a repeated header from memory, with a copy the caller may change', async () => {
    const cache = new HeaderCache();
    const { segment, bytes } = await headerOf();
    const first = cache.parse(segment, bytes, ES256);
    (first.jwk as { x: string }).x = 'changed';
    // Bytes that are not the header prove the answer comes from memory.
    const second = cache.parse(segment, encoder.encode('not json'), ES256);
    expect(second.alg).toBe('ES256');
    expect(second.jwk.x).not.toBe('changed');
    expect(cache.size).toBe(1);
  });

  it('still applies the allow-list to a remembered header', async () => {
    const cache = new HeaderCache();
    const { segment, bytes } = await headerOf();
    cache.parse(segment, bytes, ES256);
    expect(() => cache.parse(segment, bytes, new Set(['SM3withSM2']))).toThrow(expect.objectContaining({ code: 'E_ALG_NOT_ALLOWED' }));
  });

  it('does not remember a refused header', async () => {
    const cache = new HeaderCache();
    const { segment, bytes } = await headerOf({ alg: 'ES256', typ: 'yibiao+jws', kid: 'k1' });
    expect(() => cache.parse(segment, bytes, ES256)).toThrow(expect.objectContaining({ code: 'E_KEY_UNTRUSTED' }));
    expect(cache.size).toBe(0);
    expect(() => cache.parse(segment, bytes, ES256)).toThrow(expect.objectContaining({ code: 'E_KEY_UNTRUSTED' }));
  });

  it('holds at most its capacity', async () => {
    const cache = new HeaderCache(2);
    for (let i = 0; i < 3; i += 1) {
      const { segment, bytes } = await headerOf();
      cache.parse(segment, bytes, ES256);
    }
    expect(cache.size).toBe(2);
  });
});
