/** Shared helpers for the submission tests: keys, payloads, hand-made tokens, refusals. */
import fc from 'fast-check';
import { base64url, CompactSign, exportJWK, generateKeyPair } from 'jose';
import smCrypto from 'sm-crypto';
import { expect } from 'vitest';
import { canonicalBytes } from '../../src/submission/canonicalize.js';
import { buildPayload, type SubmissionPayload } from '../../src/submission/payload.js';
import { signSubmission } from '../../src/submission/sign.js';
import { createDeviceSigner, type DeviceSigner } from '../../src/submission/signer.js';
import { createSm2Signer, type Sm2Signer } from '../../src/submission/sm2-signer.js';
import { type VerifyFailure, type VerifyOptions, verify } from '../../src/submission/verify.js';
import { changeCharacter, flipBit, regionAt } from '../helpers/tamper.js';
import { cardOnlyData, form, NOW, registry, validData } from './fixture-form.js';

export const encoder = new TextEncoder();
export const decoder = new TextDecoder();

/** A fixed nonce and submission id, so payloads are reproducible. */
export const NONCE = base64url.encode(new Uint8Array(16).fill(7));
export const SUBMISSION_ID = '3f0c4f8e-7a4b-4c1e-9d2a-5b6c7d8e9f01';

/** A payload of the valid test data, signed "now". */
export function payloadOf(
  data: Record<string, unknown> = validData(),
  overrides: Partial<Parameters<typeof buildPayload>[0]> = {},
): SubmissionPayload {
  return buildPayload({ model: form.model, data, lang: 'zh-CN', now: NOW, nonce: NONCE, submissionId: SUBMISSION_ID, ...overrides });
}

/** A payload as a mutable plain object, for tampering. */
export function mutablePayload(data?: Record<string, unknown>): Record<string, unknown> & { data: Record<string, unknown> } {
  return structuredClone(payloadOf(data)) as unknown as Record<string, unknown> & { data: Record<string, unknown> };
}

/** An ES256 key pair made with jose (extractable, so tests can export the JWK). */
export async function testKey(): Promise<{ privateKey: CryptoKey; publicKey: CryptoKey; jwk: JsonWebKey }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const { kty, crv, x, y } = await exportJWK(publicKey);
  return { privateKey, publicKey, jwk: { kty, crv, x, y } as JsonWebKey };
}

/** An ES256 key pair of {@link testKey}. */
export type TestKey = Awaited<ReturnType<typeof testKey>>;

/** Signs arbitrary payload bytes under an arbitrary protected header, with jose. */
export async function joseToken(header: Record<string, unknown>, payload: Uint8Array, key: CryptoKey | Uint8Array): Promise<string> {
  return new CompactSign(payload).setProtectedHeader(header as { alg: string }).sign(key);
}

/** Signs a payload object (or its non-canonical bytes) like a conforming signer would, with jose. */
export async function joseSubmission(
  payload: unknown,
  key: { privateKey: CryptoKey; jwk: JsonWebKey },
  options: { bytes?: Uint8Array; header?: Record<string, unknown> } = {},
): Promise<string> {
  const header = options.header ?? { alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk };
  return joseToken(header, options.bytes ?? canonicalBytes(payload), key.privateKey);
}

/** Base options of verify for the fixture form at the fixed clock. */
export const baseOptions = { forms: registry, now: NOW } as const;

let sharedSigner: Promise<DeviceSigner> | undefined;

/** One device signer for the whole test file (key generation is the slow part). */
export function deviceSigner(): Promise<DeviceSigner> {
  sharedSigner ??= createDeviceSigner();
  return sharedSigner;
}

/** A token of the valid data signed by the shared device signer. */
export async function validToken(payload: SubmissionPayload = payloadOf()): Promise<string> {
  return signSubmission(payload, await deviceSigner());
}

/**
 * Verifies `jws` with {@link baseOptions} (and `options` over them) and
 * returns the failure; fails the test when the token is accepted.
 */
export async function rejected(jws: string, options: Partial<VerifyOptions> = {}): Promise<VerifyFailure> {
  const verdict = await verify(jws, { ...baseOptions, ...options });
  if (verdict.ok) throw new Error('expected a rejection, the token was accepted');
  return verdict;
}

/** What the hostile-token suites start from: our key, an attacker's key, a valid token, and our ES256 header. */
export interface TokenAttack {
  /** The key whose JWK {@link TokenAttack.header} carries. */
  readonly key: TestKey;
  /** Another key, the attacker's. */
  readonly attacker: TestKey;
  /** A valid token of the card-only data, signed by the shared device signer. */
  readonly token: string;
  /** `{ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk }` with `extra` over it. */
  readonly header: (extra?: Record<string, unknown>) => Record<string, unknown>;
}

/** Makes the keys and the token of a hostile-token suite. */
export async function tokenAttack(): Promise<TokenAttack> {
  const [key, attacker] = await Promise.all([testKey(), testKey()]);
  const token = await validToken(payloadOf(cardOnlyData()));
  const header = (extra: Record<string, unknown> = {}) => ({ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk, ...extra });
  return { key, attacker, token, header };
}

/**
 * Property: any one bit of the token's payload flipped → `E_SIG_INVALID`.
 *
 * @param token - a valid token.
 * @param options - verify options over {@link baseOptions}, and the run count.
 */
export async function expectPayloadBitFlipsRejected(token: string, options: { readonly verify?: Partial<VerifyOptions>; readonly numRuns: number }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.nat(7), async (position, bit) => {
      expect((await rejected(flipBit(token, 'payload', position, bit), options.verify)).code).toBe('E_SIG_INVALID');
    }),
    { numRuns: options.numRuns },
  );
}

/**
 * Property: any single-byte change of the token is rejected; one in the
 * payload or signature with `E_MALFORMED` or `E_SIG_INVALID` (a changed
 * header may also change the key or alg, so any code goes there).
 *
 * @param token - a valid token.
 * @param options - verify options over {@link baseOptions}, and the run count.
 */
export async function expectByteChangesRejected(token: string, options: { readonly verify?: Partial<VerifyOptions>; readonly numRuns: number }): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.nat(), fc.integer({ min: 1, max: 255 }), async (position, xor) => {
      const verdict = await rejected(changeCharacter(token, position, xor), options.verify);
      const region = regionAt(token, position);
      if (region !== 'header') expect(['E_MALFORMED', 'E_SIG_INVALID'], region).toContain(verdict.code);
    }),
    { numRuns: options.numRuns },
  );
}

/** Splits a compact JWS into its three segments. */
export function segments(token: string): [string, string, string] {
  const [h = '', p = '', s = ''] = token.split('.');
  return [h, p, s];
}

/** Decodes a base64url JSON segment. */
export function decodeSegment(segment: string): unknown {
  return JSON.parse(decoder.decode(base64url.decode(segment)));
}

/** Encodes a JSON value as a base64url segment (not canonical: insertion order). */
export function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

let sharedSm2Signer: Promise<Sm2Signer> | undefined;

/** One SM2 signer for the whole test file. */
export function sm2Signer(): Promise<Sm2Signer> {
  sharedSm2Signer ??= createSm2Signer();
  return sharedSm2Signer;
}

/** A token of a payload signed with the shared SM2 signer. */
export async function sm2Token(payload: SubmissionPayload = payloadOf()): Promise<string> {
  return signSubmission(payload, await sm2Signer());
}

/** Bytes as lower-case hex. */
export function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** An SM2 key pair of the independent `sm-crypto` (v1), with its JWK. */
export function v1Sm2Key(): { privateKey: string; publicKey: string; jwk: JsonWebKey } {
  const { privateKey, publicKey } = smCrypto.sm2.generateKeyPairHex();
  const x = base64url.encode(Buffer.from(publicKey.slice(2, 66), 'hex'));
  const y = base64url.encode(Buffer.from(publicKey.slice(66, 130), 'hex'));
  return { privateKey, publicKey, jwk: { kty: 'EC', crv: 'SM2', x, y } };
}

/**
 * Signs arbitrary payload bytes under an arbitrary header with the independent
 * `sm-crypto` (v1): `{ hash: true }` is GB/T 32918 (Z_A with the default id);
 * `{ hash: false }` signs the raw input, without Z_A and SM3.
 */
export function v1Sm2Token(
  header: Record<string, unknown>,
  payload: Uint8Array,
  key: { privateKey: string; publicKey: string },
  options: { hash: boolean; userId?: string } = { hash: true },
): string {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(payload)}`;
  const signature = smCrypto.sm2.doSignature(input, key.privateKey, { ...options, publicKey: key.publicKey });
  return `${input}.${base64url.encode(Buffer.from(signature, 'hex'))}`;
}

/** The public key of an SM2 JWK as `04 ‖ x ‖ y` in hex, as sm-crypto takes it. */
export function sm2PublicHex(jwk: JsonWebKey): string {
  return `04${hex(base64url.decode(jwk.x ?? ''))}${hex(base64url.decode(jwk.y ?? ''))}`;
}
