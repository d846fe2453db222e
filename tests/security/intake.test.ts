/**
 * The intake (SECURITY.md §3 case 19, §4 "Verifier and intake"): the same
 * token twice → one record and the original receipt; the same nonce in other
 * bytes → rejected; a re-signed retry (same `submissionId`, new nonce) → the
 * original receipt; nonce and record committed in one transaction; a
 * rejection writes nothing and logs only the token's hash and the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { base64url } from 'jose';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Intake, IntakeLogEntry, IntakeResult } from '../../src/intake/index.js';
import { createIntake } from '../../src/intake/index.js';
import { YibiaoUsageError } from '../../src/submission/errors.js';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { flipBit } from '../helpers/tamper.js';
import { cardOnlyData, NOW, validData } from '../submission/fixture-form.js';
import { baseOptions, payloadOf, segments, validToken } from '../submission/helpers.js';

const OTHER_NONCE = base64url.encode(new Uint8Array(16).fill(9));
const THIRD_NONCE = base64url.encode(new Uint8Array(16).fill(11));
const OTHER_ID = '0b7d6c5e-4f3a-4b2c-8d1e-9f0a1b2c3d4e';
const P256_N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

let token: string;

beforeAll(async () => {
  token = await validToken(payloadOf(cardOnlyData()));
});

const open: { close(): void }[] = [];
afterEach(() => {
  for (const item of open.splice(0)) item.close();
});

/** An intake on a connection the test can also query, with its log. */
function setup(db: Database.Database = new Database(':memory:'), clock = () => NOW) {
  const log: IntakeLogEntry[] = [];
  const intake = createIntake({ verifyOptions: baseOptions, database: db, now: clock, log: (entry) => void log.push(entry) });
  open.push(db);
  const count = (table: 'records' | 'nonces') => Number(db.prepare(`SELECT COUNT(*) FROM yibiao_intake_${table}`).pluck().get());
  return { intake, db, log, count };
}

function receiptOf(result: IntakeResult) {
  if (result.status === 'rejected') throw new Error(`rejected: ${result.code}`);
  return result.receipt;
}

/** The same payload under the other valid ECDSA signature (r, n − s): other token bytes, the same submission. */
function malleate(jws: string): string {
  const [h, p, s] = segments(jws);
  const sig = base64url.decode(s);
  const high = P256_N - BigInt(`0x${Buffer.from(sig.subarray(32)).toString('hex')}`);
  const bytes = Buffer.from(high.toString(16).padStart(64, '0'), 'hex');
  return `${h}.${p}.${base64url.encode(Buffer.concat([sig.subarray(0, 32), bytes]))}`;
}

describe.each([
  ['a temporary SQLite file', 'file'],
  ['an in-memory SQLite database', 'memory'],
])('case 19 on %s', (_name, kind) => {
  function fresh() {
    if (kind === 'memory') return setup();
    const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-intake-'));
    open.push({ close: () => rmSync(dir, { recursive: true, force: true }) });
    return setup(new Database(path.join(dir, 'intake.db')));
  }

  it('the same token twice → accepted, then duplicate with the original receipt; one record, one nonce', async () => {
    const { intake, count } = fresh();
    const first = await intake.receive(token);
    expect(first.status).toBe('accepted');
    const receipt = receiptOf(first);
    expect(receipt).toMatchObject({ submissionId: payloadOf(cardOnlyData()).submissionId, receivedAt: NOW.toISOString() });
    expect(receipt.payloadHash).toMatch(/^sha256-[A-Za-z0-9_-]{43}$/);
    expect(await intake.receive(token)).toEqual({ status: 'duplicate', receipt });
    expect([count('records'), count('nonces')]).toEqual([1, 1]);
  });

  it('the same nonce in other bytes (other data and submission id) → rejected E_REPLAY, nothing stored', async () => {
    const { intake, count } = fresh();
    const receipt = receiptOf(await intake.receive(token));
    const other = await validToken(payloadOf(validData(), { submissionId: OTHER_ID }));
    expect(await intake.receive(other)).toEqual({ status: 'rejected', code: 'E_REPLAY', pointer: '/nonce' });
    expect([count('records'), count('nonces')]).toEqual([1, 1]);
    // Passing case: the same other data with its own nonce is a new submission.
    const fresh2 = await validToken(payloadOf(validData(), { submissionId: OTHER_ID, nonce: OTHER_NONCE }));
    const second = await intake.receive(fresh2);
    expect(second.status).toBe('accepted');
    expect(receiptOf(second).receiptId).not.toBe(receipt.receiptId);
    expect([count('records'), count('nonces')]).toEqual([2, 2]);
  });

  it('a re-signed retry (same submissionId, new nonce, even other data) → duplicate with the original receipt', async () => {
    const { intake, count } = fresh();
    const receipt = receiptOf(await intake.receive(token));
    const retry = await validToken(payloadOf(cardOnlyData(), { nonce: OTHER_NONCE }));
    const edited = await validToken(payloadOf(validData(), { nonce: THIRD_NONCE }));
    expect(await intake.receive(retry)).toEqual({ status: 'duplicate', receipt });
    expect(await intake.receive(edited)).toEqual({ status: 'duplicate', receipt });
    expect([count('records'), count('nonces')]).toEqual([1, 1]);
  });

  it('the same payload under the other ECDSA signature (malleability) → duplicate, never a second record', async () => {
    const { intake, count } = fresh();
    const receipt = receiptOf(await intake.receive(token));
    const twin = malleate(token);
    expect(twin).not.toBe(token);
    expect(await intake.receive(twin)).toEqual({ status: 'duplicate', receipt });
    expect(count('records')).toBe(1);
  });
});

describe('rejections write nothing and log only the hash and the code', () => {
  it('a tampered token → rejected; no record, no nonce; the log line is { status, tokenHash, code }', async () => {
    const { intake, count, log } = setup();
    const tampered = flipBit(token, 'signature', 0, 0);
    expect(await intake.receive(tampered)).toMatchObject({ status: 'rejected', code: 'E_SIG_INVALID' });
    expect([count('records'), count('nonces')]).toEqual([0, 0]);
    expect(log).toHaveLength(1);
    expect(Object.keys(log[0] ?? {}).sort()).toEqual(['code', 'status', 'tokenHash']);
    expect(log[0]).toMatchObject({ status: 'rejected', code: 'E_SIG_INVALID', tokenHash: expect.stringMatching(/^sha256-/) });
    const line = JSON.stringify(log);
    for (const personal of ['李四', '13912345678']) expect(line).not.toContain(personal);
    // Passing case: the untampered token is then accepted (its nonce was not used up).
    expect((await intake.receive(token)).status).toBe('accepted');
  });

  it('an expired token is rejected, but a token accepted before is still answered with its receipt', async () => {
    let clock = NOW;
    const { intake } = setup(new Database(':memory:'), () => clock);
    const late = createIntake({ verifyOptions: { forms: baseOptions.forms }, database: ':memory:', now: () => new Date(NOW.getTime() + 30 * 3600_000) });
    open.push(late);
    expect(await late.receive(token)).toMatchObject({ status: 'rejected', code: 'E_EXPIRED' });
    const receipt = receiptOf(await intake.receive(token));
    clock = new Date(NOW.getTime() + 30 * 3600_000);
    expect(await intake.receive(token)).toEqual({ status: 'duplicate', receipt });
  });
});

describe('one transaction: a crash between the steps is impossible by construction', () => {
  it('when the nonce insert fails after the record insert, nothing is stored and receive throws', async () => {
    const { intake, db, count } = setup();
    // A real SQLite failure in the middle of the transaction: the second insert aborts.
    db.exec(`CREATE TRIGGER fail_nonce BEFORE INSERT ON yibiao_intake_nonces BEGIN SELECT RAISE(ABORT, 'disk full'); END;`);
    await expect(intake.receive(token)).rejects.toThrow('disk full');
    expect([count('records'), count('nonces')]).toEqual([0, 0]);
    db.exec('DROP TRIGGER fail_nonce');
    expect((await intake.receive(token)).status).toBe('accepted');
    expect([count('records'), count('nonces')]).toEqual([1, 1]);
  });

  it('ten receives of the same token at once → one accepted, nine duplicates with its receipt', async () => {
    const { intake, count } = setup();
    const results = await Promise.all(Array.from({ length: 10 }, () => intake.receive(token)));
    const accepted = results.filter((r) => r.status === 'accepted');
    expect(accepted).toHaveLength(1);
    const receipt = receiptOf(accepted[0] as IntakeResult);
    expect(results.filter((r) => r.status === 'duplicate')).toEqual(new Array(9).fill({ status: 'duplicate', receipt }));
    expect(count('records')).toBe(1);
  });

  it('two intakes on one SQLite file (two connections) store the token once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-intake-'));
    open.push({ close: () => rmSync(dir, { recursive: true, force: true }) });
    const file = path.join(dir, 'intake.db');
    const a: Intake = createIntake({ verifyOptions: baseOptions, database: file });
    const b: Intake = createIntake({ verifyOptions: baseOptions, database: file });
    open.unshift(a, b);
    const results = await Promise.all([a.receive(token), b.receive(token)]);
    expect(results.map((r) => r.status).sort()).toEqual(['accepted', 'duplicate']);
    expect(receiptOf(results[0] as IntakeResult)).toEqual(receiptOf(results[1] as IntakeResult));
  });
});

describe('createIntake options', () => {
  it('refuses a nonceStore in verifyOptions (the intake stores nonces with the record), and a bad table prefix', () => {
    const nonceStore = createMemoryNonceStore();
    expect(() => createIntake({ verifyOptions: { ...baseOptions, nonceStore } as never, database: ':memory:' })).toThrow(YibiaoUsageError);
    expect(() => createIntake({ verifyOptions: baseOptions, database: ':memory:', tablePrefix: 'x; DROP' })).toThrow(YibiaoUsageError);
    const ok = createIntake({ verifyOptions: baseOptions, database: ':memory:', tablePrefix: 'dept_a' });
    ok.close();
  });
});
