/**
 * `yibiao keygen`, `yibiao sign`, `yibiao split` and `yibiao verify --alg`,
 * driven through commander with captured io and the fixture form.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { base64url, compactVerify, importJWK } from 'jose';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { makeKeyPair, publicKeyFile, registerKeygen } from '../../src/cli/commands/keygen.js';
import { registerSign } from '../../src/cli/commands/sign.js';
import { registerSplit } from '../../src/cli/commands/split.js';
import { registerVerify } from '../../src/cli/commands/verify.js';
import type { SubmissionPayload } from '../../src/submission/payload.js';
import { type DepartmentPart, verifyPart } from '../../src/submission/split.js';
import { verify } from '../../src/submission/verify.js';
import { flipBit } from '../helpers/tamper.js';
import { cardOnlyData, NOW, registry, validData } from './fixture-form.js';
import { baseOptions, decodeSegment, segments, sm2PublicHex } from './helpers.js';

const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-cli-'));
let counter = 0;
const file = (name: string, content: string) => {
  counter += 1;
  const p = path.join(dir, `${counter}-${name}`);
  writeFileSync(p, content);
  return p;
};

interface Run {
  code: number | undefined;
  out: string;
  err: string;
}

async function run(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  let code: number | undefined;
  const io = {
    print: (t: string) => void out.push(t),
    printError: (t: string) => void err.push(t),
    setExitCode: (c: number) => {
      code = c;
    },
  };
  const program = new Command('yibiao').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  const loadRegistry = async () => registry;
  registerVerify(program, { loadRegistry, now: () => NOW, io });
  registerKeygen(program, { io });
  registerSign(program, { loadRegistry, now: () => NOW, io });
  registerSplit(program, { loadRegistry, now: () => NOW, io });
  await program.parseAsync(['node', 'yibiao', ...args]);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const es256 = await makeKeyPair('ES256');
const sm2 = await makeKeyPair('SM2');
const es256File = file('es.jwk', JSON.stringify(es256.privateKey));
const sm2File = file('sm.jwk', JSON.stringify(sm2.privateKey));
const dataFile = file('data.json', JSON.stringify(validData()));

async function signed(...args: string[]): Promise<string> {
  const result = await run('sign', 'testform', dataFile, ...args);
  expect(result.code, result.err).toBe(0);
  return result.out.trim();
}

describe('yibiao keygen', () => {
  it('prints a JWK pair: the private JWK with d, the public JWK without, both with kid and alg', async () => {
    const { code, out } = await run('keygen');
    expect(code).toBe(0);
    const pair = JSON.parse(out) as { privateKey: Record<string, string>; publicKey: Record<string, string> };
    expect(Object.keys(pair.privateKey).sort()).toEqual(['alg', 'crv', 'd', 'kid', 'kty', 'x', 'y']);
    expect(pair.privateKey).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(pair.publicKey).toEqual({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: pair.privateKey.kid, x: pair.privateKey.x, y: pair.privateKey.y });
  });

  it('makes an SM2 pair of the same shape with crv SM2', async () => {
    const pair = JSON.parse((await run('keygen', '--alg', 'SM2')).out) as { privateKey: Record<string, string> };
    expect(pair.privateKey).toMatchObject({ kty: 'EC', crv: 'SM2', alg: 'SM3withSM2' });
    expect(base64url.decode(pair.privateKey.d ?? '')).toHaveLength(32);
    const pub = smCrypto.sm2.getPublicKeyFromPrivateKey(Buffer.from(base64url.decode(pair.privateKey.d ?? '')).toString('hex'));
    expect(pub).toBe(sm2PublicHex(pair.privateKey));
  });

  it('writes the private key (0600) and the public key beside it with --out, never overwriting', async () => {
    const out = path.join(dir, 'clerk.jwk');
    const { code, out: text } = await run('keygen', '--alg', 'SM2', '--out', out);
    expect(code).toBe(0);
    expect(text).toContain('clerk.pub.jwk');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('d');
    expect(JSON.parse(readFileSync(path.join(dir, 'clerk.pub.jwk'), 'utf8'))).not.toHaveProperty('d');
    expect((await run('keygen', '--out', out)).code).toBe(2);
    expect(publicKeyFile('a.json')).toBe('a.pub.json');
    expect(publicKeyFile('a')).toBe('a.pub.jwk');
  });

  it('refuses an unknown --alg', async () => {
    await expect(run('keygen', '--alg', 'RS256')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});

describe('yibiao sign', () => {
  it('signs valid data with an ES256 key: a token jose verifies with the public JWK', async () => {
    const token = await signed('--key', es256File);
    const key = await importJWK(es256.publicKey, 'ES256');
    const { payload, protectedHeader } = await compactVerify(token, key, { algorithms: ['ES256'] });
    expect(protectedHeader.alg).toBe('ES256');
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ form: { id: 'testform' }, iat: NOW.getTime() / 1000, lang: 'zh-CN' });
    expect(await verify(token, { ...baseOptions, trustedKeys: [es256.publicKey] })).toMatchObject({ ok: true, authenticity: 'trusted-key' });
  });

  it('signs with an SM2 key: a token the independent sm-crypto (v1) verifies', async () => {
    const token = await signed('--key', sm2File);
    const [h, p, s] = segments(token);
    expect(decodeSegment(h)).toMatchObject({ alg: 'SM3withSM2', jwk: { crv: 'SM2' } });
    const sig = Buffer.from(base64url.decode(s)).toString('hex');
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, sig, sm2PublicHex(sm2.publicKey), { hash: true })).toBe(true);
    expect(await verify(token, { ...baseOptions, algorithms: ['SM3withSM2'] })).toMatchObject({ ok: true });
  });

  it('accepts the pair keygen prints as the key file', async () => {
    expect(await signed('--key', file('pair.json', JSON.stringify(es256)))).toMatch(/^ey/);
  });

  it('writes the payload in the language of --lang en', async () => {
    const token = await signed('--key', es256File, '--lang', 'en');
    expect(decodeSegment(segments(token)[1])).toMatchObject({ lang: 'en' });
  });

  it('dates the signature 12:00 Beijing time on another --date, and the verifier judges that date', async () => {
    const token = await signed('--key', es256File, '--date', '2026-11-20');
    const payload = decodeSegment(segments(token)[1]) as SubmissionPayload;
    expect(new Date(payload.iat * 1000).toISOString()).toBe('2026-11-20T04:00:00.000Z');
    expect(await verify(token, { ...baseOptions, now: new Date('2026-11-20T05:00:00Z') })).toMatchObject({ ok: true });
    expect(await verify(token, baseOptions)).toMatchObject({ ok: false, code: 'E_EXPIRED' });
    const today = await signed('--key', es256File, '--date', '2026-11-23');
    expect((decodeSegment(segments(today)[1]) as SubmissionPayload).iat).toBe(NOW.getTime() / 1000);
  });

  it('refuses invalid data with its issues and exit 1, printing no token', async () => {
    const data = validData();
    (data.applicant as Record<string, unknown>).mobile = '10987654321';
    const { code, out, err } = await run('sign', 'testform', file('bad.json', JSON.stringify(data)), '--key', es256File, '--lang', 'en');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('/applicant/mobile');
    expect(err).toContain('not signed');
  });

  it('refuses text the verifier would refuse with its code and exit 1', async () => {
    const data = cardOnlyData();
    (data.applicant as Record<string, unknown>).name = '张\u200b三';
    const { code, out, err } = await run('sign', 'testform', file('zw.json', JSON.stringify(data)), '--key', es256File);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain('E_PAYLOAD_INVALID');
    expect(err).toContain('/data/applicant/name');
  });

  it.each<[string, string[]]>([
    ['an unknown form', ['sign', 'nosuchform', 'DATA', '--key', 'ES']],
    ['an unreadable data file', ['sign', 'testform', path.join(dir, 'missing.json'), '--key', 'ES']],
    ['a public key', ['sign', 'testform', 'DATA', '--key', 'PUB']],
    ['a key that is not JSON', ['sign', 'testform', 'DATA', '--key', 'JUNK']],
    ['an RSA key', ['sign', 'testform', 'DATA', '--key', 'RSA']],
    ['a malformed --date', ['sign', 'testform', 'DATA', '--key', 'ES', '--date', '2026-02-30']],
  ])('exits 2 for %s', async (_name, args) => {
    const files: Record<string, string> = {
      DATA: dataFile,
      ES: es256File,
      PUB: file('pub.jwk', JSON.stringify(es256.publicKey)),
      JUNK: file('junk.jwk', 'not json'),
      RSA: file('rsa.jwk', JSON.stringify({ kty: 'RSA', n: 'AQAB', e: 'AQAB', d: 'AQAB' })),
    };
    const { code, out } = await run(...args.map((a) => files[a] ?? a));
    expect(code).toBe(2);
    expect(out).toBe('');
  });

  it('requires --key', async () => {
    await expect(run('sign', 'testform', dataFile)).rejects.toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  });
});

describe('yibiao verify --alg', () => {
  it('refuses an SM2 token by default and accepts it with --alg SM3withSM2', async () => {
    const tokenFile = file('sm.jws', await signed('--key', sm2File));
    const refused = await run('verify', tokenFile);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('E_ALG_NOT_ALLOWED');
    const accepted = await run('verify', tokenFile, '--alg', 'ES256', '--alg', 'SM3withSM2', '--lang', 'en');
    expect(accepted.code).toBe(0);
    expect(accepted.out).toContain('algorithm: SM3withSM2');
  });

  it('refuses an ES256 token when only SM3withSM2 is allowed', async () => {
    const { code, out } = await run('verify', file('es.jws', await signed('--key', es256File)), '--alg', 'SM3withSM2');
    expect(code).toBe(1);
    expect(out).toContain('E_ALG_NOT_ALLOWED');
  });

  it('trusts SM2 public keys given with --key', async () => {
    const tokenFile = file('sm.jws', await signed('--key', sm2File));
    const trusted = await run('verify', tokenFile, '--alg', 'SM3withSM2', '--key', file('sm.pub.jwk', JSON.stringify(sm2.publicKey)));
    expect(trusted.code).toBe(0);
    expect(trusted.out).toContain('受信任密钥');
    const other = await run('verify', tokenFile, '--alg', 'SM3withSM2', '--key', file('es.pub.jwk', JSON.stringify(es256.publicKey)));
    expect(other.code).toBe(1);
    expect(other.out).toContain('E_KEY_UNTRUSTED');
  });

  it('exits 2 for a private key given as a trusted key', async () => {
    const { code, err } = await run('verify', file('x.jws', 'x'), '--key', sm2File);
    expect(code).toBe(2);
    expect(err).toContain('cannot read key');
  });

  it('refuses an unknown or mis-spelt --alg', async () => {
    await expect(run('verify', 'x', '--alg', 'sm3withsm2')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    await expect(run('verify', 'x', '--alg', 'none')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});

describe('yibiao split', () => {
  it('prints one line per department without data', async () => {
    const { code, out } = await run('split', file('t.jws', await signed('--key', es256File)));
    expect(code).toBe(0);
    expect(out.split('\n')).toEqual(['hrss: socialSecurityCard  /applicant', 'housingFund: housingFund  /applicant /housingFund']);
    expect(out).not.toContain('张三');
  });

  it('prints parts that verifyPart accepts with --json', async () => {
    const { code, out } = await run('split', file('t.jws', await signed('--key', sm2File)), '--alg', 'SM3withSM2', '--json');
    expect(code).toBe(0);
    const parts = JSON.parse(out) as DepartmentPart[];
    expect(parts.map((p) => p.department)).toEqual(['hrss', 'housingFund']);
    for (const part of parts) {
      expect(await verifyPart(part, { ...baseOptions, algorithms: ['SM3withSM2'] })).toMatchObject({ ok: true });
    }
  });

  it('writes <department>.json files (0600) with --out', async () => {
    const out = path.join(dir, 'parts');
    const { code, out: text } = await run('split', file('t.jws', await signed('--key', es256File)), '--out', out);
    expect(code).toBe(0);
    expect(text).toContain(path.join(out, 'hrss.json'));
    const hrss = JSON.parse(readFileSync(path.join(out, 'hrss.json'), 'utf8')) as DepartmentPart;
    expect(statSync(path.join(out, 'housingFund.json')).mode & 0o777).toBe(0o600);
    expect(await verifyPart(hrss, baseOptions)).toMatchObject({ ok: true, part: { department: 'hrss' } });
  });

  it('exits 1 with the code for a token it cannot verify, writing nothing', async () => {
    const token = await signed('--key', sm2File);
    const out = path.join(dir, 'never');
    const { code, out: text } = await run('split', file('t.jws', token), '--out', out);
    expect(code).toBe(1);
    expect(text).toContain('E_ALG_NOT_ALLOWED');
    expect(() => statSync(out)).toThrow();
    expect((await run('split', file('t.jws', flipBit(token, 'signature', 0, 0)), '--alg', 'SM3withSM2')).out).toContain('E_SIG_INVALID');
  });

  it('exits 2 for an unreadable token file', async () => {
    expect((await run('split', path.join(dir, 'missing.jws'))).code).toBe(2);
  });
});
