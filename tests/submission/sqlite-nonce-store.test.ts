/** createSqliteNonceStore: atomic, shared through one file, kept ≥ 25 h, purged after. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { createSqliteNonceStore, MIN_NONCE_RETENTION_SECONDS, type SqliteNonceStore } from '../../src/submission/sqlite-nonce-store.js';
import { verify } from '../../src/submission/verify.js';
import { flipBit } from '../helpers/tamper.js';
import { cardOnlyData } from './fixture-form.js';
import { baseOptions, payloadOf, validToken } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-nonces-'));
let counter = 0;
const dbFile = () => {
  counter += 1;
  return path.join(dir, `nonces-${counter}.db`);
};

const HOUR = 3600 * 1000;
const open: SqliteNonceStore[] = [];

function store(options: Parameters<typeof createSqliteNonceStore>[0]): SqliteNonceStore {
  const s = createSqliteNonceStore(options);
  open.push(s);
  return s;
}

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('createSqliteNonceStore', () => {
  it('accepts a nonce once', async () => {
    const s = store({ filename: dbFile(), now: () => new Date(0) });
    expect(await s.checkAndStore('n1', new Date(HOUR))).toBe(true);
    expect(await s.checkAndStore('n1', new Date(HOUR))).toBe(false);
    expect(await s.checkAndStore('n2', new Date(HOUR))).toBe(true);
    expect(s.size).toBe(2);
  });

  it('shares nonces between two stores on one file (two verifier instances)', async () => {
    const file = dbFile();
    const a = store({ filename: file });
    const b = store({ filename: file });
    const until = new Date(Date.now() + HOUR);
    expect(await a.checkAndStore('shared', until)).toBe(true);
    expect(await b.checkAndStore('shared', until)).toBe(false);
    expect(await b.checkAndStore('other', until)).toBe(true);
    expect(await a.checkAndStore('other', until)).toBe(false);
  });

  it('refuses a replay across processes: a nonce stored by another process is not fresh', async () => {
    const file = dbFile();
    const script = path.join(dir, 'child.mts');
    const module = fileURLToPath(new URL('../../src/submission/sqlite-nonce-store.ts', import.meta.url));
    writeFileSync(
      script,
      `import { createSqliteNonceStore } from ${JSON.stringify(module)};
       const s = createSqliteNonceStore({ filename: process.argv[2] });
       const results = [];
       for (const nonce of process.argv.slice(3)) results.push(await s.checkAndStore(nonce, new Date(Date.now() + 3600000)));
       s.close();
       process.stdout.write(JSON.stringify(results));`,
    );
    const child = (...nonces: string[]) => {
      const run = spawnSync(process.execPath, ['--import', 'tsx', script, file, ...nonces], {
        encoding: 'utf8',
        cwd: fileURLToPath(new URL('../..', import.meta.url)),
      });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as boolean[];
    };
    expect(child('from-child', 'twice', 'twice')).toEqual([true, true, false]);
    const parent = store({ filename: file });
    expect(await parent.checkAndStore('from-child', new Date(Date.now() + HOUR))).toBe(false);
    expect(await parent.checkAndStore('from-parent', new Date(Date.now() + HOUR))).toBe(true);
    expect(child('from-parent', 'from-child', 'new')).toEqual([false, false, true]);
  });

  it('is atomic for concurrent calls on several connections', async () => {
    const file = dbFile();
    const stores = [store({ filename: file }), store({ filename: file }), store({ filename: file })];
    const until = new Date(Date.now() + HOUR);
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => stores[i % 3]?.checkAndStore('race', until)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('keeps a nonce at least 25 h even when the token expires sooner', async () => {
    let now = 0;
    const s = store({ filename: dbFile(), now: () => new Date(now) });
    expect(await s.checkAndStore('n', new Date(60_000))).toBe(true);
    now = 24 * HOUR;
    expect(await s.checkAndStore('n', new Date(now + 60_000))).toBe(false);
    now = 25 * HOUR - 1;
    expect(await s.checkAndStore('n', new Date(now + 60_000))).toBe(false);
    now = 25 * HOUR;
    expect(await s.checkAndStore('n', new Date(now + 60_000))).toBe(true);
    expect(MIN_NONCE_RETENTION_SECONDS).toBe(25 * 3600);
  });

  it('keeps a nonce until expiresAt when that is later than 25 h', async () => {
    let now = 0;
    const s = store({ filename: dbFile(), now: () => new Date(now) });
    expect(await s.checkAndStore('n', new Date(30 * HOUR))).toBe(true);
    now = 29 * HOUR;
    expect(await s.checkAndStore('n', new Date(now + HOUR))).toBe(false);
  });

  it('purges expired rows, by purgeExpired() and periodically', async () => {
    let now = 0;
    const file = dbFile();
    const s = store({ filename: file, now: () => new Date(now), purgeIntervalSeconds: 3600 });
    for (const n of ['a', 'b', 'c']) await s.checkAndStore(n, new Date(HOUR));
    now = 26 * HOUR;
    expect(s.size).toBe(0);
    expect(s.purgeExpired()).toBe(3);
    for (const n of ['d', 'e']) await s.checkAndStore(n, new Date(now + HOUR));
    now = 52 * HOUR;
    await s.checkAndStore('f', new Date(now + HOUR)); // triggers the periodic purge
    const rows = new Database(file, { readonly: true }).prepare('SELECT nonce FROM yibiao_nonces ORDER BY nonce').pluck().all();
    expect(rows).toEqual(['f']);
  });

  it('uses a given connection and table, and leaves the connection open', async () => {
    const db = new Database(':memory:');
    const s = store({ database: db, table: 'intake_nonce' });
    expect(await s.checkAndStore('n', new Date(Date.now() + HOUR))).toBe(true);
    s.close();
    expect(db.prepare('SELECT COUNT(*) FROM intake_nonce').pluck().get()).toBe(1);
    db.close();
  });

  it('rejects bad arguments and options', async () => {
    const s = store({ filename: dbFile() });
    await expect(s.checkAndStore('n', new Date(Number.NaN))).rejects.toThrow(YibiaoUsageError);
    await expect(s.checkAndStore(1 as unknown as string, new Date())).rejects.toThrow(YibiaoUsageError);
    expect(() => createSqliteNonceStore({})).toThrow(YibiaoUsageError);
    expect(() => createSqliteNonceStore({ filename: dbFile(), table: 'x; DROP TABLE y' })).toThrow(YibiaoUsageError);
    expect(() => createSqliteNonceStore({ filename: dbFile(), retentionSeconds: 24 * 3600 })).toThrow(YibiaoUsageError);
  });
});

describe('verify with the SQLite store', () => {
  it('E_REPLAY for the same token at a second verifier process sharing the file', async () => {
    const file = dbFile();
    const token = await validToken(payloadOf(cardOnlyData()));
    const first = store({ filename: file });
    const second = store({ filename: file });
    expect(await verify(token, { ...baseOptions, nonceStore: first })).toMatchObject({ ok: true });
    expect(await verify(token, { ...baseOptions, nonceStore: second })).toMatchObject({ ok: false, code: 'E_REPLAY', pointer: '/nonce' });
  });

  it('does not record the nonce of a rejected token', async () => {
    const s = store({ filename: dbFile() });
    const token = await validToken(payloadOf(cardOnlyData()));
    expect(await verify(flipBit(token, 'signature', 0, 0), { ...baseOptions, nonceStore: s })).toMatchObject({ code: 'E_SIG_INVALID' });
    expect(s.size).toBe(0);
    expect(await verify(token, { ...baseOptions, nonceStore: s })).toMatchObject({ ok: true });
  });
});
