/**
 * Data minimisation and what failures reveal (SECURITY.md §2 "Minimization",
 * "Errors", §3 cases 23 and 25), on the real Shandong form: only ticked
 * sections are signed, an unticked one smuggled into a signed token is
 * refused, and no failure — verdict, CLI text, CLI JSON, stderr — carries a
 * full ID, mobile or account number, or a stack trace. Case 24 (no request
 * but module and intake) is tests/security/minimisation.browser.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import fc from 'fast-check';
import { base64url } from 'jose';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { registerVerify } from '../../src/cli/commands/verify.js';
import type { FormModel } from '../../src/ir/types.js';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { createMemoryNonceStore } from '../../src/submission/nonce-store.js';
import { buildPayload } from '../../src/submission/payload.js';
import { type Verdict, verify } from '../../src/submission/verify.js';
import { ROOT } from '../helpers/forms.js';
import { decoder, encoder, joseToken, testKey } from '../submission/helpers.js';
import { builtModel, builtRegistry, example, examplePayload, fuzzRuns, type Obj, signWith, valuesAt } from './helpers.js';

const RUNS = fuzzRuns(100);

type Key = Awaited<ReturnType<typeof testKey>>;
let key: Key;
let shandong: FormModel;

beforeAll(async () => {
  key = await testKey();
  shandong = await builtModel('shandong');
});

/** Sections that are always present (no service switches them on). */
function alwaysPresent(model: FormModel): Set<string> {
  const switched = new Set(model.services.flatMap((s) => s.sections));
  return new Set(model.sections.filter((s) => s.service === undefined && !switched.has(s.key)).map((s) => s.key));
}

describe('case 23: only ticked sections are signed', () => {
  it('payload sections ⊆ the ticked services\' sections ∪ the always-present ones, for any tick set (fc.subarray)', () => {
    const { data, date } = example('shandong', 'valid/all-services.json');
    const ids = shandong.services.map((s) => s.id);
    const always = alwaysPresent(shandong);
    fc.assert(
      fc.property(fc.subarray(ids), (ticked) => {
        const payload = buildPayload({ model: shandong, data: { ...data, services: ticked, stray: { idNumber: '1' } }, lang: 'zh-CN', now: new Date(`${date}T02:00:00Z`) });
        const allowed = new Set([...always, 'services', ...shandong.services.filter((s) => ticked.includes(s.id)).flatMap((s) => s.sections)]);
        for (const section of Object.keys(payload.data)) expect(allowed, section).toContain(section);
        expect(payload.services).toEqual(ids.filter((id) => ticked.includes(id)));
        expect(payload.data.services).toEqual(payload.services);
        // Inside a section: only the fields the model defines.
        for (const [section, value] of Object.entries(payload.data)) {
          if (section === 'services') continue;
          const known = new Set(shandong.sections.find((s) => s.key === section)?.fields.map((f) => f.key));
          for (const field of Object.keys(value as Obj)) expect(known, `${section}/${field}`).toContain(field);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('a properly signed token with an unticked section → refused (E_UNTICKED_SECTION, see docs/security.md on the code)', async () => {
    const full = example('shandong', 'valid/all-services.json').data;
    const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
    payload.data.housingFundAccount = full.housingFundAccount;
    const verdict = await verify(await signWith(key, payload), { forms: builtRegistry, now });
    expect(verdict).toMatchObject({ ok: false, code: 'E_UNTICKED_SECTION', pointer: '/data/housingFundAccount' });
  });

  it('a properly signed token with a member the form does not define → E_PAYLOAD_INVALID', async () => {
    const { payload, now } = await examplePayload('shandong', 'valid/one-service-pension.json');
    payload.data.telemetry = { userAgent: 'x' };
    expect(await verify(await signWith(key, payload), { forms: builtRegistry, now })).toMatchObject({ ok: false, code: 'E_PAYLOAD_INVALID', pointer: '/data/telemetry' });
  });
});

/** The personal data of the all-services example: 姓名, 身份证号码, 手机号码, 银行账号. */
const SENSITIVE = (() => {
  const { data } = example('shandong', 'valid/all-services.json');
  const values = valuesAt(data, new Set(['idNumber', 'phone', 'withholdingAccount', 'name', 'signature']));
  expect(values.length).toBeGreaterThanOrEqual(4);
  return values;
})();

/** Fails if a text carries personal data (whole or its long digit runs) or a stack trace. */
function expectNothingPersonal(text: string, where: string): void {
  for (const value of SENSITIVE) {
    expect(text, `${where} contains ${value}`).not.toContain(value);
    const digits = value.replace(/\D/g, '');
    if (digits.length >= 8) expect(text, `${where} contains the digits of ${value}`).not.toContain(digits.slice(0, 8));
  }
  expect(text, `${where} has a stack trace`).not.toMatch(/\n\s+at .+[(:]\d+|\bat [\w.<>]+ \(|Error: .*\n\s+at /);
}

/** Every failing case we can make from the all-services example, with the code it must get. */
async function failures(): Promise<{ name: string; token: string; now: Date; code: string; options?: Obj }[]> {
  const base = await examplePayload('shandong', 'valid/all-services.json');
  const make = async (edit: (p: Obj) => void, bytes?: (text: string) => string) => {
    const p = structuredClone(base.payload);
    edit(p);
    if (bytes === undefined) return signWith(key, p);
    return joseToken({ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk }, encoder.encode(bytes(decoder.decode(canonicalBytes(p)))), key.privateKey);
  };
  const good = await make(() => undefined);
  const [h, p, s] = good.split('.') as [string, string, string];
  const flipped = base64url.decode(p);
  flipped[10] = (flipped[10] ?? 0) ^ 1;
  const other = await testKey();
  const unticked = async () => {
    const one = await examplePayload('shandong', 'valid/one-service-pension.json');
    one.payload.data.housingFundAccount = base.payload.data.housingFundAccount;
    return signWith(key, one.payload);
  };
  const id = base.payload.data.applicant.idNumber as string;
  const { now } = base;
  return [
    { name: 'a bad ID checksum', token: await make((x) => {
        x.data.applicant.idNumber = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
      }), now, code: 'E_DATA_INVALID' },
    { name: 'a malformed mobile', token: await make((x) => {
        x.data.applicant.phone = `${x.data.applicant.phone}9`;
      }), now, code: 'E_DATA_INVALID' },
    { name: 'a malformed account', token: await make((x) => {
        x.data.housingFundAccount.withholdingAccount = `${x.data.housingFundAccount.withholdingAccount}X`;
      }), now, code: 'E_DATA_INVALID' },
    { name: 'a tampered payload', token: `${h}.${base64url.encode(flipped)}.${s}`, now, code: 'E_SIG_INVALID' },
    { name: 'an expired token', token: good, now: new Date(now.getTime() + 26 * 3600_000), code: 'E_EXPIRED' },
    { name: 'a future token', token: good, now: new Date(now.getTime() - 3600_000), code: 'E_IAT_FUTURE' },
    { name: 'an untrusted key', token: good, now, code: 'E_KEY_UNTRUSTED', options: { trustedKeys: [other.jwk] } },
    { name: 'a replay', token: good, now, code: 'E_REPLAY', options: { replay: true } },
    { name: 'a bidi control in 姓名', token: await make((x) => {
        x.data.applicant.name = `\u202e${x.data.applicant.name}`;
      }), now, code: 'E_PAYLOAD_INVALID' },
    { name: 'a duplicate 身份证号码', token: await make(() => undefined, (t) => t.replace(`"idNumber":"${id}"`, `"idNumber":"${id}","idNumber":"${id}"`)), now, code: 'E_DUPLICATE_KEY' },
    { name: 'non-canonical bytes', token: await make(() => undefined, (t) => t.replace(`"idNumber":"${id}"`, `"idNumber": "${id}"`)), now, code: 'E_NOT_CANONICAL' },
    { name: 'a signed unticked section', token: await unticked(), now, code: 'E_UNTICKED_SECTION' },
    { name: 'another schema hash', token: await make((x) => {
        x.form.schemaHash = `sha256-${'A'.repeat(43)}`;
      }), now, code: 'E_SCHEMA_MISMATCH' },
    { name: 'a file that does not match', token: await make((x) => {
        x.attachments = [{ field: 'identityDocument', name: `${id}.jpg`, mediaType: 'image/jpeg', size: 3, sha256: 'a'.repeat(64) }];
      }), now, code: 'E_ATTACHMENT_DIGEST', options: { attachments: new Map([[`${id}.jpg`, new Uint8Array([1, 2, 3])]]) } },
  ];
}

describe('case 25: failures reveal no ID, mobile or account number and no stack trace', () => {
  it('in every verdict, for every failing case', async () => {
    const cases = await failures();
    const codes: string[] = [];
    for (const c of cases) {
      const nonceStore = createMemoryNonceStore({ now: () => c.now });
      const options = { forms: builtRegistry, now: c.now, nonceStore, ...(c.options?.trustedKeys ? { trustedKeys: c.options.trustedKeys } : {}), ...(c.options?.attachments ? { attachments: c.options.attachments } : {}) };
      if (c.options?.replay) await verify(c.token, options);
      const verdict: Verdict = await verify(c.token, options);
      expect(verdict.ok, c.name).toBe(false);
      codes.push(verdict.ok ? 'accepted' : verdict.code);
      expectNothingPersonal(JSON.stringify(verdict), `the verdict for ${c.name}`);
    }
    expect(codes.map((code, i) => `${cases[i]?.name}: ${code}`)).toEqual(cases.map((c) => `${c.name}: ${c.code}`));
  });

  it('in `yibiao verify` text and --json output, in both languages', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-leak-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    for (const c of (await failures()).filter((x) => x.options === undefined)) {
      const file = path.join(dir, 'token.jws');
      writeFileSync(file, c.token);
      for (const args of [[], ['--json'], ['--lang', 'en']]) {
        const out: string[] = [];
        let exit: number | undefined;
        const program = new Command('yibiao').exitOverride().configureOutput({ writeErr: () => undefined });
        registerVerify(program, {
          loadRegistry: async () => builtRegistry,
          now: () => c.now,
          io: {
            print: (t) => void out.push(t),
            printError: (t) => void out.push(t),
            setExitCode: (code) => {
              exit = code;
            },
          },
        });
        await program.parseAsync(['node', 'yibiao', 'verify', file, ...args]);
        expect(exit, `${c.name} ${args.join(' ')}`).toBe(1);
        expect(out.join('\n')).toContain(c.code);
        expectNothingPersonal(out.join('\n'), `yibiao verify ${args.join(' ')} for ${c.name}`);
      }
    }
  });

  it('in the real `yibiao verify` process: stdout and stderr of a refused token', async () => {
    const { payload } = await examplePayload('shandong', 'valid/all-services.json');
    payload.iat = Math.floor(Date.now() / 1000);
    payload.exp = payload.iat + 86_400;
    const id = String(payload.data.applicant.idNumber);
    payload.data.applicant.idNumber = `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`;
    const token = await signWith(key, payload);
    for (const args of [['verify', '-']]) {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'yibiao.js'), ...args], { input: token, encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stdout).toMatch(/E_[A-Z_]+/);
      expectNothingPersonal(`${run.stdout}\n${run.stderr}`, `yibiao ${args.join(' ')}`);
    }
  });

  it('in `yibiao validate` output for invalid data', () => {
    const { data, date } = example('shandong', 'invalid/id-checksum.json');
    const dir = mkdtempSync(path.join(tmpdir(), 'yibiao-leak-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'data.json');
    writeFileSync(file, JSON.stringify(data));
    for (const extra of [['--json']]) {
      const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'yibiao.js'), 'validate', 'shandong', file, '--date', date, ...extra], { encoding: 'utf8', timeout: 30_000 });
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('E_ID_CHECKSUM');
      const idNumber = (data as Obj).applicant.idNumber as string;
      expect(`${run.stdout}${run.stderr}`).not.toContain(idNumber);
      expectNothingPersonal(`${run.stdout}\n${run.stderr}`, `yibiao validate ${extra.join(' ')}`);
    }
  });
});
