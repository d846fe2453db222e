/**
 * `yibiao verify --binding-issuer <jwk-file>` (SECURITY.md §3 case 15 on the
 * command line): in-process through commander with the fixture form, and
 * once as a process with a key made by `yibiao keygen` and a built form.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import { validateData } from '../../src/runtime/validate.js';
import { issueKeyBinding } from '../../src/submission/issue-key-binding.js';
import { jwkThumbprint, toPublicJwk } from '../../src/submission/key.js';
import { buildPayload } from '../../src/submission/payload.js';
import { signSubmission } from '../../src/submission/sign.js';
import { createDeviceSigner, type DeviceSigner } from '../../src/submission/signer.js';
import { shanghaiDate } from '../../src/submission/time.js';
import { runVerify, tempFiles } from '../helpers/cli.js';
import { ROOT } from '../helpers/forms.js';
import { registry as fixtureRegistry, NOW } from '../submission/fixture-form.js';
import { payloadOf } from '../submission/helpers.js';

const ISS = 'https://login.example.gov.cn';
const { dir, file } = tempFiles('yibiao-binding-');
const run = (...args: string[]) => runVerify({ registry: fixtureRegistry, now: NOW }, args);

let issuerPrivate: CryptoKey;
let issuerFile: string;
let device: DeviceSigner;
let jkt: string;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  issuerPrivate = pair.privateKey;
  const { kty, crv, x, y } = await exportJWK(pair.publicKey);
  issuerFile = file('issuer.pub.jwk', { kty, crv, x, y, kid: ISS, alg: 'ES256' });
  device = await createDeviceSigner();
  jkt = await jwkThumbprint(toPublicJwk(await device.publicJwk()));
});

async function tokenFile(name: string, binding?: Partial<Parameters<typeof issueKeyBinding>[0]>): Promise<string> {
  const keyBinding =
    binding === undefined
      ? undefined
      : await issueKeyBinding({ issuerKey: issuerPrivate, iss: ISS, jkt, formId: 'testform', ttlSeconds: 3600, now: NOW, ...binding });
  return file(name, await signSubmission(payloadOf(), device, keyBinding === undefined ? {} : { keyBinding }));
}

describe('yibiao verify --binding-issuer', () => {
  it('a valid binding from the listed issuer → exit 0, "bound" in text and JSON', async () => {
    const token = await tokenFile('bound.jws', {});
    const text = await run(token, '--binding-issuer', issuerFile, '--lang', 'en');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('key bound to a real-name login');
    const json = await run(token, '--binding-issuer', issuerFile, '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: true, authenticity: 'bound' });
  });

  it('a binding from another issuer, for another form, or none at all → exit 1, E_KEY_UNTRUSTED', async () => {
    for (const token of [
      await tokenFile('foreign.jws', { iss: 'https://attacker.example' }),
      await tokenFile('other-form.jws', { formId: 'otherform' }),
      await tokenFile('none.jws'),
    ]) {
      const result = await run(token, '--binding-issuer', issuerFile, '--lang', 'en');
      expect(result.code).toBe(1);
      expect(result.out).toContain('E_KEY_UNTRUSTED');
    }
  });

  it('is repeatable: the second listed issuer is accepted too', async () => {
    const other = await generateKeyPair('ES256', { extractable: true });
    const { kty, crv, x, y } = await exportJWK(other.publicKey);
    const otherFile = file('other.pub.jwk', { kty, crv, x, y, kid: 'https://other.example' });
    const token = await tokenFile('second.jws', { issuerKey: other.privateKey, iss: 'https://other.example' });
    expect((await run(token, '--binding-issuer', issuerFile, '--binding-issuer', otherFile)).code).toBe(0);
    expect((await run(token, '--binding-issuer', issuerFile)).code).toBe(1);
  });

  it('without --binding-issuer the binding is ignored: exit 0, embedded key', async () => {
    const result = await run(await tokenFile('ignored.jws', {}), '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.out).toContain('embedded key');
  });

  it('an issuer file without kid, with a private key, or unreadable → exit 2', async () => {
    const token = await tokenFile('usage.jws', {});
    const pair = await generateKeyPair('ES256', { extractable: true });
    const { kty, crv, x, y, d } = await exportJWK(pair.privateKey);
    for (const bad of [
      file('nokid.jwk', { kty, crv, x, y }),
      file('private.jwk', { kty, crv, x, y, d, kid: ISS }),
      path.join(dir, 'missing.jwk'),
    ]) {
      const result = await run(token, '--binding-issuer', bad);
      expect(result.code).toBe(2);
      expect(result.err).toContain('cannot read binding issuer');
    }
  });
});

describe('the built yibiao, with an issuer key from yibiao keygen', () => {
  const built = existsSync(path.join(ROOT, 'dist', 'cli.js')) && existsSync(path.join(ROOT, 'dist', 'forms'));
  const yibiao = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'yibiao.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

  it.runIf(built)('verifies a bound token of a built form: exit 0 with the issuer, 1 without a binding', { timeout: 180_000 }, async () => {
    const keyFile = path.join(dir, 'keygen-issuer.jwk');
    expect(yibiao('keygen', '--out', keyFile).status).toBe(0);
    const issuerKey = JSON.parse(readFileSync(keyFile, 'utf8')) as JsonWebKey & { kid: string };
    const registry = builtFormRegistry(path.join(ROOT, 'dist', 'forms'));
    const now = new Date();
    const today = shanghaiDate(Math.floor(now.getTime() / 1000));
    // A valid example of a built form that is valid today (examples carry dates that age).
    let found: { formId: string; data: Record<string, unknown> } | undefined;
    for (const formId of readdirSync(path.join(ROOT, 'dist', 'forms'))) {
      const compiled = await registry.get(formId);
      const examples = path.join(ROOT, 'forms', formId, 'examples', 'valid');
      if (compiled === undefined || !existsSync(examples)) continue;
      for (const name of readdirSync(examples).filter((f) => f.endsWith('.json'))) {
        const example = JSON.parse(readFileSync(path.join(examples, name), 'utf8')) as { data: Record<string, unknown> };
        if (validateData(compiled, example.data, { today }).valid) found ??= { formId, data: example.data };
      }
    }
    expect(found).toBeDefined();
    const { formId, data } = found as { formId: string; data: Record<string, unknown> };
    const model = (await registry.get(formId))?.model;
    if (model === undefined) throw new Error('no model');
    const payload = buildPayload({ model, data, lang: 'zh-CN', now });
    const keyBinding = await issueKeyBinding({ issuerKey, iss: issuerKey.kid, jkt, formId, ttlSeconds: 600, now });
    const bound = file('built-bound.jws', await signSubmission(payload, device, { keyBinding }));
    const plain = file('built-plain.jws', await signSubmission(payload, device));
    const publicFile = path.join(dir, 'keygen-issuer.pub.jwk');
    const accepted = yibiao('verify', bound, '--binding-issuer', publicFile, '--lang', 'en');
    expect(accepted.status, accepted.stdout + accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain('key bound to a real-name login');
    const refused = yibiao('verify', plain, '--binding-issuer', publicFile, '--lang', 'en');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('E_KEY_UNTRUSTED');
  });
});
