/**
 * Node: signed submissions verified per second on one core (the driver pins
 * this process to one CPU with `taskset`), yibiao's `verify` (signature,
 * header, hash, model checks and re-validation) against bare ES256
 * `jose.compactVerify` of the same token with the key imported once.
 *
 * Input (argv[2]): JSON `{ forms: [{ id, distForms, data, date }], rounds, roundMs, profileTo? }`.
 * Output (stdout): JSON, one entry per form.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector';
import { base64url, compactVerify, importJWK } from 'jose';
import { builtFormRegistry } from '../../src/cli/form-registry.js';
import { validateData } from '../../src/runtime/validate.js';
import {
  buildPayload,
  checkPayloadShape,
  jwkThumbprint,
  parseCanonical,
  signerFromKeyPair,
  signSubmission,
  toP256PublicJwk,
  verify,
} from '../../src/submission/index.js';

interface Input {
  readonly forms: readonly { readonly id: string; readonly distForms: string; readonly data: unknown; readonly date: string }[];
  readonly rounds: number;
  readonly roundMs: number;
  /** Time `verify` only, under the V8 profiler (node:inspector), and write the profile here. */
  readonly profileTo?: string;
}

export interface VerifyBenchResult {
  readonly id: string;
  readonly ok: boolean;
  readonly note?: string;
  /** ops/s of each timed round. */
  readonly verify: readonly number[];
  readonly bare: readonly number[];
  readonly validate: readonly number[];
  /**
   * µs per call of the steps verify() takes per token, each timed alone through the
   * public API: the key from the header (jose.importJWK), its RFC 7638 thumbprint, the
   * signature (compactVerify with that key), the strict canonical parse of the payload,
   * the payload shape (with the text checks), re-validation.
   */
  readonly steps?: Readonly<Record<string, number>>;
  readonly tokenBytes: number;
}

async function rate(fn: () => unknown, ms: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  const end = start + ms;
  while (performance.now() < end) {
    await fn();
    n += 1;
  }
  return n / ((performance.now() - start) / 1000);
}

async function benchForm(form: Input['forms'][number], input: Input): Promise<VerifyBenchResult> {
  const empty = { verify: [], bare: [], validate: [], tokenBytes: 0 };
  const forms = builtFormRegistry(form.distForms);
  const compiled = await forms.get(form.id);
  if (!compiled) return { id: form.id, ok: false, note: 'not built', ...empty };
  const keyPair = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const signer = signerFromKeyPair(keyPair);
  const now = new Date(`${form.date}T04:00:00Z`);
  const payload = buildPayload({ model: compiled.model, data: form.data, lang: 'zh-CN', now });
  const token = await signSubmission(payload, signer);
  const first = await verify(token, { forms, now });
  if (!first.ok) return { id: form.id, ok: false, note: `verify refused the example: ${first.code} ${JSON.stringify(first.issues?.slice(0, 3) ?? [])}`, ...empty, tokenBytes: token.length };
  const key = await importJWK(await signer.publicJwk(), 'ES256');
  const contenders = {
    verify: () => verify(token, { forms, now }),
    bare: () => compactVerify(token, key, { algorithms: ['ES256'] }),
    validate: () => validateData(compiled, payload.data, { today: form.date }),
  };
  const out: Record<string, number[]> = { verify: [], bare: [], validate: [] };
  if (input.profileTo !== undefined) {
    await rate(contenders.verify, 300);
    const session = new Session();
    session.connect();
    const post = (method: string, params?: object) =>
      new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    out.verify?.push(await rate(contenders.verify, input.roundMs));
    const { profile } = (await post('Profiler.stop')) as { profile: unknown };
    session.disconnect();
    await writeFile(input.profileTo, JSON.stringify(profile));
    return { id: form.id, ok: true, verify: out.verify ?? [], bare: [], validate: [], tokenBytes: token.length };
  }
  const names = ['verify', 'bare', 'validate'] as const;
  for (const name of names) await rate(contenders[name], Math.min(300, input.roundMs));
  for (let round = 0; round < input.rounds; round += 1) {
    for (const name of names) out[name]?.push(await rate(contenders[name], input.roundMs));
  }
  const jwk = toP256PublicJwk(await signer.publicJwk());
  const payloadBytes = base64url.decode(token.split('.')[1] ?? '');
  const parsed = parseCanonical(payloadBytes);
  const stepFns: Record<string, () => unknown> = {
    'new key only: import (jose.importJWK), cached after': () => importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256'),
    'new key only: thumbprint (RFC 7638), cached after': () => jwkThumbprint(jwk),
    'signature (compactVerify)': contenders.bare,
    'canonical parse (parseCanonical)': () => parseCanonical(payloadBytes),
    'payload shape + text checks': () => checkPayloadShape(parsed),
    're-validate (validateData)': contenders.validate,
  };
  const steps: Record<string, number> = {};
  for (const [name, fn] of Object.entries(stepFns)) steps[name] = 1e6 / (await rate(fn, Math.max(150, input.roundMs / 2)));
  steps['verify() in all'] = 1e6 / (out.verify?.slice().sort((a, b) => a - b)[Math.floor((out.verify?.length ?? 1) / 2)] ?? Number.NaN);
  return { id: form.id, ok: true, verify: out.verify ?? [], bare: out.bare ?? [], validate: out.validate ?? [], steps, tokenBytes: token.length };
}

const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const results: VerifyBenchResult[] = [];
for (const form of input.forms ?? []) results.push(await benchForm(form, input));
process.stdout.write(`${JSON.stringify(results)}\n`);
