import { describe, expect, it } from 'vitest';
import { lazyPart } from '../../../src/runtime/lazy/lazy-part.js';

describe('lazyPart', () => {
  it('imports once and gives every caller the same module', async () => {
    let imports = 0;
    const load = lazyPart(async () => {
      imports += 1;
      return { part: 'signing' };
    });
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).toBe(b);
    expect(await load()).toBe(a);
    expect(imports).toBe(1);
  });

  it('forgets a failed import, so the next need tries again (offline, then online)', async () => {
    let imports = 0;
    const load = lazyPart(async () => {
      imports += 1;
      if (imports === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { part: 'signing' };
    });
    await expect(load()).rejects.toThrow('Failed to fetch');
    await expect(load()).resolves.toEqual({ part: 'signing' });
    expect(imports).toBe(2);
  });
});
