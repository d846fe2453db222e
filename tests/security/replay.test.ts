/**
 * Replay and clock skew (SECURITY.md §2 "Replay, skew", §4, §3 cases 19 and
 * 20): a token is accepted once — also when two verifier processes see it at
 * the same moment — a nonce reused in other bytes is refused, and the time
 * window is exact to the second.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { createSqliteNonceStore, MIN_NONCE_RETENTION_SECONDS } from '../../src/submission/sqlite-nonce-store.js';
import { verify } from '../../src/submission/verify.js';
import { cardOnlyData, NOW, validData } from '../submission/fixture-form.js';
import { baseOptions, NONCE, payloadOf, validToken } from '../submission/helpers.js';

let token: string;

beforeAll(async () => {
  token = await validToken(payloadOf(cardOnlyData()));
});

const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('case 19: the same token twice gives one record', () => {
  it('the second verification of the same token → E_REPLAY; the store holds one nonce', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: false, code: 'E_REPLAY', pointer: '/nonce' });
    expect(nonceStore.size).toBe(1);
  });

  it('ten verifications of the same token at once → exactly one accepted', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    const verdicts = await Promise.all(Array.from({ length: 10 }, () => verify(token, { ...baseOptions, nonceStore })));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(1);
    expect(verdicts.filter((v) => !v.ok).map((v) => (v.ok ? '' : v.code))).toEqual(new Array(9).fill('E_REPLAY'));
  });

  it('two verifier processes sharing a SQLite nonce file accept the token once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-nonces-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const filename = path.join(dir, 'nonces.db');
    const a = createSqliteNonceStore({ filename, now: () => NOW });
    const b = createSqliteNonceStore({ filename, now: () => NOW });
    try {
      const verdicts = await Promise.all([verify(token, { ...baseOptions, nonceStore: a }), verify(token, { ...baseOptions, nonceStore: b })]);
      expect(verdicts.filter((v) => v.ok)).toHaveLength(1);
      expect(await verify(token, { ...baseOptions, nonceStore: b })).toMatchObject({ ok: false, code: 'E_REPLAY' });
      expect(a.size).toBe(1);
    } finally {
      a.close();
      b.close();
    }
  });

  it('the nonce is kept at least 25 h, past the token\'s own expiry', async () => {
    expect(MIN_NONCE_RETENTION_SECONDS).toBeGreaterThanOrEqual(25 * 3600);
    let clock = NOW;
    const nonceStore = createSqliteNonceStore({ filename: ':memory:', now: () => clock });
    try {
      expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
      clock = at(25 * 3600 - 1);
      expect(await nonceStore.checkAndStore(NONCE, at(25 * 3600 + 60))).toBe(false);
    } finally {
      nonceStore.close();
    }
  });

  it('the same nonce in other bytes (other data, re-signed) → E_REPLAY', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
    const other = await validToken(payloadOf(validData()));
    expect(other).not.toBe(token);
    expect(await verify(other, { ...baseOptions, nonceStore })).toMatchObject({ ok: false, code: 'E_REPLAY' });
  });

  it('a refused token does not use up its nonce', async () => {
    const nonceStore = createMemoryNonceStore({ now: () => NOW });
    expect(await verify(token, { ...baseOptions, nonceStore, trustedKeys: [] })).toMatchObject({ ok: false, code: 'E_KEY_UNTRUSTED' });
    expect(await verify(token, { ...baseOptions, nonceStore })).toMatchObject({ ok: true });
  });
});

describe('case 20: the time window', () => {
  it('iat 25 h ago → E_EXPIRED', async () => {
    expect(await verify(token, { ...baseOptions, now: at(25 * 3600) })).toMatchObject({ ok: false, code: 'E_EXPIRED' });
  });

  it('iat 301 s in the future → E_IAT_FUTURE', async () => {
    expect(await verify(token, { ...baseOptions, now: at(-301) })).toMatchObject({ ok: false, code: 'E_IAT_FUTURE', pointer: '/iat' });
  });

  it('iat 299 s in the future → accepted', async () => {
    expect(await verify(token, { ...baseOptions, now: at(-299) })).toMatchObject({ ok: true });
  });

  it('exactly 300 s either side is the edge: accepted', async () => {
    expect(await verify(token, { ...baseOptions, now: at(-300) })).toMatchObject({ ok: true });
    expect(await verify(token, { ...baseOptions, now: at(24 * 3600) })).toMatchObject({ ok: true });
  });
});
