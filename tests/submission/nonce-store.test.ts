import { describe, expect, it } from 'vitest';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';

describe('createMemoryNonceStore', () => {
  it('accepts a nonce once', async () => {
    const store = createMemoryNonceStore({ now: () => new Date(0) });
    const until = new Date(60_000);
    expect(await store.checkAndStore('n1', until)).toBe(true);
    expect(await store.checkAndStore('n1', until)).toBe(false);
    expect(await store.checkAndStore('n2', until)).toBe(true);
    expect(store.size).toBe(2);
  });

  it('is atomic for concurrent calls', async () => {
    const store = createMemoryNonceStore();
    const until = new Date(Date.now() + 60_000);
    const results = await Promise.all(Array.from({ length: 20 }, () => store.checkAndStore('same', until)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('forgets a nonce after it expires', async () => {
    let now = 0;
    const store = createMemoryNonceStore({ now: () => new Date(now) });
    expect(await store.checkAndStore('n', new Date(1000))).toBe(true);
    now = 999;
    expect(await store.checkAndStore('n', new Date(2000))).toBe(false);
    now = 1000;
    expect(store.size).toBe(0);
    expect(await store.checkAndStore('n', new Date(2000))).toBe(true);
  });

  it('keeps separate stores apart (no global state)', async () => {
    const a = createMemoryNonceStore();
    const b = createMemoryNonceStore();
    const until = new Date(Date.now() + 60_000);
    expect(await a.checkAndStore('n', until)).toBe(true);
    expect(await b.checkAndStore('n', until)).toBe(true);
  });

  it('rejects bad arguments', async () => {
    const store = createMemoryNonceStore();
    await expect(store.checkAndStore('n', new Date(Number.NaN))).rejects.toThrow(TypeError);
  });
});
