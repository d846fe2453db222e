/** `yibiao verify` (src/cli/commands/verify.ts), driven through commander with captured io. */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FormRegistry } from '../../src/runtime/compiled-form.js';
import { runVerify, tempFiles } from '../helpers/cli.js';
import { flipBit } from '../helpers/tamper.js';
import { form, model, NOW, validData } from './fixture-form.js';
import { deviceSigner, payloadOf, testKey, validToken } from './helpers.js';

const { dir, file } = tempFiles('yibiao-verify-');

const registry: FormRegistry = {
  get: (id) => (id === 'testform' ? form : id === 'otherform' ? { ...form, model: { ...model, id: 'otherform' } } : undefined),
};

const run = (...args: string[]) => runVerify({ registry, now: NOW }, args);

let tokenFile: string;
let token: string;

beforeAll(async () => {
  token = await validToken();
  tokenFile = file('token.jws', `${token}\n`);
});

describe('yibiao verify', () => {
  it('exits 0 and prints a summary without personal data', async () => {
    const { code, out } = await run(tokenFile);
    expect(code).toBe(0);
    expect(out).toContain('✓ 验证通过');
    expect(out).toContain('testform 1.2.0');
    expect(out).toContain('嵌入密钥');
    expect(out).not.toContain('张三');
    expect(out).not.toContain('13812345678');
  });

  it('speaks English with --lang en', async () => {
    const { code, out } = await run(tokenFile, '--lang', 'en');
    expect(code).toBe(0);
    expect(out).toContain('✓ verified');
    expect(out).toContain('embedded key (proves integrity, not identity)');
  });

  it('prints the verdict as JSON with --json', async () => {
    const { code, out } = await run(tokenFile, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ ok: true, authenticity: 'embedded-key', payload: { form: { id: 'testform' } } });
  });

  it('exits 1 with the code for a tampered token', async () => {
    const { code, out } = await run(file('bad.jws', flipBit(token, 'signature', 0, 0)));
    expect(code).toBe(1);
    expect(out).toMatch(/^✗ E_SIG_INVALID {2}签名验证失败/);
  });

  it('exits 1 and lists the issues for invalid data', async () => {
    const data = validData();
    (data.applicant as Record<string, unknown>).mobile = '10987654321';
    const { code, out } = await run(file('invalid.jws', await validToken(payloadOf(data))), '--lang', 'en', '--json');
    expect(code).toBe(1);
    const verdict = JSON.parse(out) as { code: string; issues: { path: string }[] };
    expect(verdict.code).toBe('E_DATA_INVALID');
    expect(verdict.issues[0]?.path).toBe('/applicant/mobile');
    expect(out).not.toContain('10987654321');
  });

  it('exits 1 with E_LIMIT for an oversized token file', async () => {
    const { code, out } = await run(file('huge.jws', 'A'.repeat(300 * 1024)));
    expect(code).toBe(1);
    expect(out).toContain('E_LIMIT');
  });

  it('exits 2 for an unreadable token file', async () => {
    const { code, err } = await run(path.join(dir, 'missing.jws'));
    expect(code).toBe(2);
    expect(err).toContain('cannot read');
  });

  describe('--key', () => {
    it('says trusted key for a key in a JWK file', async () => {
      const jwk = await (await deviceSigner()).publicJwk();
      const { code, out } = await run(tokenFile, '--key', file('device.jwk', JSON.stringify(jwk)));
      expect(code).toBe(0);
      expect(out).toContain('受信任密钥');
    });

    it('reads JWK Sets and several files', async () => {
      const jwk = await (await deviceSigner()).publicJwk();
      const other = (await testKey()).jwk;
      const set = file('set.json', JSON.stringify({ keys: [other, jwk] }));
      expect((await run(tokenFile, '--key', file('other.jwk', JSON.stringify(other)), set)).code).toBe(0);
      expect((await run(tokenFile, '--key', set, '--key', file('o2.jwk', JSON.stringify(other)))).code).toBe(0);
    });

    it('exits 1 with E_KEY_UNTRUSTED for a token of another key', async () => {
      const { code, out } = await run(tokenFile, '--key', file('stranger.jwk', JSON.stringify((await testKey()).jwk)));
      expect(code).toBe(1);
      expect(out).toContain('E_KEY_UNTRUSTED');
    });

    it('exits 2 for a key file that is not a public P-256 JWK', async () => {
      expect((await run(tokenFile, '--key', file('secret.jwk', '{"kty":"oct","k":"c2VjcmV0"}'))).code).toBe(2);
      expect((await run(tokenFile, '--key', file('junk.jwk', 'not json'))).code).toBe(2);
    });
  });

  describe('--form', () => {
    it('accepts a token of that form', async () => {
      expect((await run(tokenFile, '--form', 'testform')).code).toBe(0);
    });

    it('exits 1 with E_FORM_UNKNOWN for a token of another form', async () => {
      const { code, out } = await run(tokenFile, '--form', 'otherform');
      expect(code).toBe(1);
      expect(out).toContain('E_FORM_UNKNOWN');
    });

    it('exits 2 for a form the registry does not have', async () => {
      expect((await run(tokenFile, '--form', 'nosuchform')).code).toBe(2);
    });
  });

  describe('--max-age', () => {
    it('exits 1 with E_EXPIRED for an older token', async () => {
      const old = file('old.jws', await validToken(payloadOf(validData(), { now: new Date(NOW.getTime() - 120_000) })));
      expect((await run(old, '--max-age', '3600')).code).toBe(0);
      const { code, out } = await run(old, '--max-age', '60');
      expect(code).toBe(1);
      expect(out).toContain('E_EXPIRED');
    });

    it('refuses a value that is not a positive whole number', async () => {
      await expect(run(tokenFile, '--max-age', 'soon')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
      await expect(run(tokenFile, '--max-age', '0')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
    });
  });

  it('refuses an unknown --lang', async () => {
    await expect(run(tokenFile, '--lang', 'fr')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
  });
});
