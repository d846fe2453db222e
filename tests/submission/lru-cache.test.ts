import { describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { LruCache, rememberPromise } from '../../src/submission/lru-cache.js';

describe('LruCache', () => {
  it('keeps at most capacity entries, forgetting the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
  });

  it('counts a read as a use, so a read entry outlives an unread older one', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.has('a')).toBe(true);
    expect(cache.has('b')).toBe(false);
  });

  it('replaces a value without growing, and forgets a deleted key', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
    cache.delete('a');
    expect(cache.has('a')).toBe(false);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses capacity %s', (capacity) => {
    expect(() => new LruCache(capacity)).toThrow(YibiaoUsageError);
  });
});

describe('rememberPromise', () => {
  it('shares one pending job per key, and forgets a failed one so the next call tries again', async () => {
    const cache = new LruCache<string, Promise<number>>(4);
    let calls = 0;
    const ok = () => rememberPromise(cache, 'a', async () => ++calls);
    expect(await Promise.all([ok(), ok()])).toEqual([1, 1]);
    expect(calls).toBe(1);
    const failing = rememberPromise(cache, 'b', () => Promise.reject(new Error('offline')));
    await expect(failing).rejects.toThrow('offline');
    await Promise.resolve();
    expect(cache.has('b')).toBe(false);
    expect(await rememberPromise(cache, 'b', async () => 7)).toBe(7);
  });
});
