/**
 * The built CLI (`node bin/yibiao.js`, after `npm run build`) against every
 * form in dist/forms: tokens `yibiao sign` makes verify with jose (ES256) and
 * the independent sm-crypto (SM2); tokens jose makes over our payload verify
 * with `yibiao verify`; the CLI and the library give the same verdict.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { base64url, CompactSign, compactVerify, importJWK } from 'jose';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import { validateData } from '../../src/runtime/validate.js';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { buildPayload } from '../../src/submission/payload.js';
import { shanghaiDate } from '../../src/submission/time.js';
import { type Verdict, type VerifyOptions, verify } from '../../src/submission/verify.js';
import { segments, sm2PublicHex, testKey } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
const DIST_FORMS = path.join(ROOT, 'dist', 'forms');
const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-built-'));

function yibiao(args: readonly string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'yibiao.js'), ...args], { cwd: ROOT, encoding: 'utf8', input });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function write(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

const registry = builtFormRegistry(DIST_FORMS);
const today = shanghaiDate(Math.floor(Date.now() / 1000));

/** The valid examples of each built form that are valid today (examples carry dates that age). */
async function examples(): Promise<{ form: string; name: string; data: unknown }[]> {
  const found: { form: string; name: string; data: unknown }[] = [];
  for (const form of readdirSync(DIST_FORMS)) {
    const compiled = await registry.get(form);
    const examplesDir = path.join(ROOT, 'forms', form, 'examples', 'valid');
    if (compiled === undefined || !existsSync(examplesDir)) continue;
    for (const name of readdirSync(examplesDir).filter((f) => f.endsWith('.json'))) {
      const example = JSON.parse(readFileSync(path.join(examplesDir, name), 'utf8')) as { data?: unknown };
      const data = example.data ?? example;
      if (validateData(compiled, data, { today }).valid) found.push({ form, name, data });
    }
  }
  return found;
}

/** Spawning the CLI takes about a second, much more on a loaded machine. */
const SLOW = { timeout: 180_000 };

const FOUND = existsSync(DIST_FORMS) ? await examples() : [];
const firstPerForm = FOUND.filter((e, i) => FOUND.findIndex((f) => f.form === e.form) === i);

/** The verdict as the CLI prints it with --json: plain JSON. */
const asJson = (verdict: Verdict): unknown => JSON.parse(JSON.stringify(verdict));

function cliVerdict(tokenFile: string, ...flags: string[]): { status: number | null; verdict: Verdict } {
  const run = yibiao(['verify', tokenFile, '--json', ...flags]);
  expect(run.stderr).toBe('');
  return { status: run.status, verdict: JSON.parse(run.stdout) as Verdict };
}

describe('the built CLI', () => {
  it('exists: the suite runs after `npm run build`', () => {
    expect(existsSync(CLI), 'dist/cli.js is missing: run `npm run build` first').toBe(true);
    expect(existsSync(path.join(DIST_FORMS, 'shandong', 'model.json'))).toBe(true);
  });

  it('has a valid example for today of the shandong form', () => {
    expect(FOUND.some((e) => e.form === 'shandong')).toBe(true);
  });

  const keys = (() => {
    let made: { es: string; esPub: JsonWebKey; sm: string; smPub: JsonWebKey } | undefined;
    return () => {
      if (made !== undefined) return made;
      const es = path.join(dir, 'es.jwk');
      const sm = path.join(dir, 'sm.jwk');
      expect(yibiao(['keygen', '--out', es]).status).toBe(0);
      expect(yibiao(['keygen', '--alg', 'SM2', '--out', sm]).status).toBe(0);
      made = {
        es,
        sm,
        esPub: JSON.parse(readFileSync(path.join(dir, 'es.pub.jwk'), 'utf8')) as JsonWebKey,
        smPub: JSON.parse(readFileSync(path.join(dir, 'sm.pub.jwk'), 'utf8')) as JsonWebKey,
      };
      return made;
    };
  })();

  it.each(FOUND.map((e) => [`${e.form}/${e.name}`, e] as const))('signs %s with ES256: jose verifies; the library (and, once per form, the CLI) accepts', async (_id, example) => {
    const { es, esPub } = keys();
    const publicKey = await importJWK(esPub, 'ES256');
    {
      const { form, name, data } = example;
      const signed = yibiao(['sign', form, write(`${form}-${name}`, JSON.stringify(data)), '--key', es]);
      expect(signed.status, `${form}/${name}: ${signed.stderr}`).toBe(0);
      const token = signed.stdout.trim();
      const { protectedHeader } = await compactVerify(token, publicKey, { algorithms: ['ES256'] });
      expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'yibiao+jws' });
      const library = await verify(token, { forms: registry, trustedKeys: [esPub] });
      expect(library).toMatchObject({ ok: true, authenticity: 'trusted-key' });
      // The CLI round trip costs a process: once per form is enough to compare verdicts.
      if (firstPerForm.includes(example)) {
        const cli = cliVerdict(write(`${form}-${name}.jws`, token), '--key', path.join(dir, 'es.pub.jwk'));
        expect(cli.status, `${form}/${name}`).toBe(0);
        expect(cli.verdict).toEqual(asJson(library));
      }
    }
  }, SLOW.timeout);

  it.each(firstPerForm.map((e) => [`${e.form}/${e.name}`, e] as const))('signs %s with SM2: sm-crypto (v1) verifies; CLI and library agree', async (_id, example) => {
    const { sm, smPub } = keys();
    {
      const { form, name, data } = example;
      const signed = yibiao(['sign', form, write(`${form}-${name}-sm`, JSON.stringify(data)), '--key', sm]);
      expect(signed.status, signed.stderr).toBe(0);
      const token = signed.stdout.trim();
      const [h, p, s] = segments(token);
      const sig = Buffer.from(base64url.decode(s)).toString('hex');
      expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, sig, sm2PublicHex(smPub), { hash: true }), `${form}/${name}`).toBe(true);
      const tokenFile = write(`${form}-${name}-sm.jws`, token);
      const options: VerifyOptions = { forms: registry, algorithms: ['ES256', 'SM3withSM2'] };
      const cli = cliVerdict(tokenFile, '--alg', 'ES256', '--alg', 'SM3withSM2');
      expect(cli.status).toBe(0);
      expect(cli.verdict).toEqual(asJson(await verify(token, options)));
      // An ES256-only verifier refuses it, in both.
      const refused = cliVerdict(tokenFile);
      expect(refused.status).toBe(1);
      expect(refused.verdict).toEqual(asJson(await verify(token, { forms: registry })));
      expect(refused.verdict).toMatchObject({ ok: false, code: 'E_ALG_NOT_ALLOWED' });
    }
  }, SLOW.timeout);

  it('accepts a token jose signed over our payload, and refuses its tampered copy with the same code as the library', SLOW, async () => {
    const [example] = FOUND;
    if (example === undefined) throw new Error('no valid example');
    const compiled = await registry.get(example.form);
    if (compiled === undefined) throw new Error('form not built');
    const key = await testKey();
    const payload = buildPayload({ model: compiled.model, data: example.data, lang: 'zh-CN' });
    const token = await new CompactSign(canonicalBytes(payload))
      .setProtectedHeader({ alg: 'ES256', jwk: key.jwk, typ: 'yibiao+jws' } as never)
      .sign(key.privateKey);
    const accepted = cliVerdict(write('jose.jws', token));
    expect(accepted.status).toBe(0);
    expect(accepted.verdict).toEqual(asJson(await verify(token, { forms: registry })));

    const [h, p, s] = segments(token);
    const tampered = `${h}.${p}.${s.slice(0, 10)}${s[10] === 'A' ? 'B' : 'A'}${s.slice(11)}`;
    const refused = cliVerdict(write('tampered.jws', tampered));
    expect(refused.status).toBe(1);
    expect(refused.verdict).toEqual(asJson(await verify(tampered, { forms: registry })));
    expect(refused.verdict).toMatchObject({ ok: false, code: 'E_SIG_INVALID' });
  });

  it('splits a token into parts through stdin', SLOW, async () => {
    const [example] = FOUND;
    if (example === undefined) throw new Error('no valid example');
    const signed = yibiao(['sign', example.form, write('split-data.json', JSON.stringify(example.data)), '--key', keys().es]);
    const run = yibiao(['split', '-', '--json'], signed.stdout);
    expect(run.status, run.stderr).toBe(0);
    const parts = JSON.parse(run.stdout) as { department: string; token: string }[];
    expect(parts.length).toBeGreaterThan(0);
    for (const part of parts) expect(part.token).toBe(signed.stdout.trim());
  });

  it('exits 2 for an unknown command option and prints no stack trace', SLOW, () => {
    const run = yibiao(['verify', '-', '--alg', 'HS256'], 'x');
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });
});
