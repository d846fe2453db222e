/**
 * Key bindings (SECURITY.md §1 "Device keys", §3 case 15). A device key made
 * in the browser proves integrity only. A key binding makes it mean a person:
 * a compact JWS (`typ: "yibiao-kb+jwt"`, ES256) that an allow-listed issuer —
 * the host's backend, after a real-name login — signs over the claims
 * `iss`, `cnf.jkt` (the RFC 7638 thumbprint of the device key, RFC 7800),
 * `formId`, `iat`, `exp` and optionally `sub`. The submission carries it in
 * its protected header as `ybk`, so the device signature covers it as well.
 *
 * Not the hot path: a binding is checked (with jose) only when the verifier
 * is given `bindingIssuers`. Issuing is in ./issue-key-binding.ts.
 */
import { decodeJwt, exportJWK, type JWTPayload, errors as joseErrors, jwtVerify, type KeyObject } from 'jose';
import { isRecord } from '../types/is-record.js';
import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import type { SubmissionHeader } from './header.js';
import { importP256PublicKey, type P256PublicJwk, toP256PublicJwk } from './key.js';
import { LruCache, rememberPromise } from './lru-cache.js';
import type { Authenticity } from './verify.js';

/** The `typ` of a key binding's protected header (explicit typing, RFC 8725 §3.11). */
export const KEY_BINDING_TYPE = 'yibiao-kb+jwt';

/** Longest key binding, in characters: it must fit in one header string (`MAX_STRING_LENGTH`). */
export const MAX_KEY_BINDING_LENGTH = 2_000;

/** Longest issuer id (`iss`) and subject (`sub`), in characters. */
export const MAX_ISSUER_LENGTH = 256;

/** A key as a host holds it: a JWK, a WebCrypto `CryptoKey`, or a Node `KeyObject`. */
export type KeyInput = JsonWebKey | CryptoKey | KeyObject;

/** One allow-listed issuer of key bindings: its id (the `iss` of its bindings) and its public P-256 key. */
export interface BindingIssuer {
  /** The issuer id; a binding's `iss` must equal it exactly. */
  readonly iss: string;
  /** The issuer's public key (ES256). The same `iss` may be listed with several keys (rotation). */
  readonly key: KeyInput;
}

/** The claims of a checked key binding. */
export interface KeyBindingClaims {
  readonly iss: string;
  /** The issuer's id for the logged-in person, when it put one in. */
  readonly sub?: string;
  readonly iat: number;
  readonly exp: number;
  /** The form the binding is for. */
  readonly formId: string;
  /** The bound device key: `jkt` is its RFC 7638 thumbprint (SHA-256, base64url). */
  readonly cnf: { readonly jkt: string };
}

/** Issuers ready for {@link verifyKeyBinding}: public ES256 keys by issuer id. */
export type BindingIssuers = ReadonlyMap<string, readonly CryptoKey[]>;

/** What {@link verifyKeyBinding} compares the binding with. */
export interface KeyBindingExpectation {
  /** Thumbprint of the key that signed the submission. */
  readonly jkt: string;
  /** The submission's `form.id`. */
  readonly formId: string;
  /** The verifier's clock, seconds since the epoch. */
  readonly nowSeconds: number;
  /** Tolerated clock difference, in seconds. */
  readonly skewSeconds: number;
}


function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey === 'function' && value instanceof CryptoKey;
}

/** A Node `KeyObject` (seen by shape: this module must not import `node:crypto`). */
function isKeyObject(value: unknown): value is KeyObject {
  return isRecord(value) && typeof value.type === 'string' && typeof (value as { export?: unknown }).export === 'function';
}

/** Tells whether a string is a usable issuer id or subject. */
export function isIssuerId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_ISSUER_LENGTH && value.trim() === value;
}

async function publicIssuerKey(key: unknown, name: string): Promise<CryptoKey> {
  const refuse = (why: string): never => {
    throw new YibiaoUsageError(`verify: "${name}" is not a public P-256 key (${why})`);
  };
  if (isCryptoKey(key)) {
    const algorithm = key.algorithm as EcKeyAlgorithm;
    if (key.type !== 'public') refuse('not a public key');
    if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') refuse('not an ECDSA P-256 key');
    return key;
  }
  try {
    const jwk = toP256PublicJwk(isKeyObject(key) ? await exportJWK(key) : key, `/${name}`);
    return await importedKey(jwk);
  } catch (cause) {
    return refuse(cause instanceof Error ? cause.message : 'invalid');
  }
}

/**
 * Imported issuer keys by coordinates: `verify` prepares its options on every
 * call, and a WebCrypto import costs more than checking the binding itself.
 * Keyed by value (not by object), so a JWK changed in place is imported anew.
 */
const IMPORTED = new LruCache<string, Promise<CryptoKey>>(64);

function importedKey(jwk: P256PublicJwk): Promise<CryptoKey> {
  return rememberPromise(IMPORTED, `${jwk.x}.${jwk.y}`, () => importP256PublicKey(jwk));
}

/**
 * Checks an allow-list of binding issuers and imports their keys once.
 *
 * @param list - `options.bindingIssuers` of `verify`.
 * @returns the keys by issuer id.
 * @throws {YibiaoUsageError} when the list, an issuer id or a key is wrong
 *   (a private key, another curve, an HMAC secret).
 * @example
 * const issuers = await prepareBindingIssuers([{ iss: 'https://login.example.gov.cn', key: issuerPublicJwk }]);
 */
export async function prepareBindingIssuers(list: readonly BindingIssuer[]): Promise<BindingIssuers> {
  if (!Array.isArray(list)) throw new YibiaoUsageError('verify: "options.bindingIssuers" must be an array of { iss, key }');
  const issuers = new Map<string, CryptoKey[]>();
  for (const [i, issuer] of (list as readonly unknown[]).entries()) {
    const name = `options.bindingIssuers[${i}]`;
    if (!isRecord(issuer)) throw new YibiaoUsageError(`verify: "${name}" must be an object { iss, key }`);
    if (!isIssuerId(issuer.iss)) {
      throw new YibiaoUsageError(`verify: "${name}.iss" must be a non-empty string of at most ${MAX_ISSUER_LENGTH} characters`);
    }
    const key = await publicIssuerKey(issuer.key, `${name}.key`);
    issuers.set(issuer.iss, [...(issuers.get(issuer.iss) ?? []), key]);
  }
  return issuers;
}

function untrusted(detail: string, cause?: unknown): YibiaoVerifyError {
  return new YibiaoVerifyError('E_KEY_UNTRUSTED', { pointer: '/header/ybk', detail, cause });
}

/** A jose failure as a detail that names the check, never a value from the binding. */
function joseDetail(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'binding expired';
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'binding algorithm not allowed';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return "issuer's signature does not verify";
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `binding claim "${error.claim}" refused (${error.reason})`;
  return 'not a valid binding';
}

async function verifiedClaims(binding: string, keys: readonly CryptoKey[], iss: string, expected: KeyBindingExpectation): Promise<JWTPayload> {
  let failure: unknown;
  for (const key of keys) {
    try {
      const { payload } = await jwtVerify(binding, key, {
        algorithms: ['ES256'],
        typ: KEY_BINDING_TYPE,
        issuer: iss,
        requiredClaims: ['iat', 'exp', 'cnf', 'formId'],
        currentDate: new Date(expected.nowSeconds * 1000),
        clockTolerance: expected.skewSeconds,
      });
      return payload;
    } catch (error) {
      failure = error;
    }
  }
  throw untrusted(joseDetail(failure), failure);
}

/**
 * Checks a key binding: its issuer is allow-listed and its ES256 signature
 * verifies with one of that issuer's keys (algorithm pinned, so `none` and
 * `HS256` fail); `typ` is `yibiao-kb+jwt`; `exp` has not passed and `iat` is
 * not in the future (both with the skew); `cnf.jkt` is the signing key's
 * thumbprint and `formId` the submission's form.
 *
 * @param binding - the header's `ybk`, as received.
 * @param issuers - from {@link prepareBindingIssuers}.
 * @param expected - the key thumbprint, the form id and the clock.
 * @returns the binding's claims.
 * @throws {YibiaoVerifyError} `E_KEY_UNTRUSTED` at `/header/ybk`, whatever the reason.
 * @example
 * const claims = await verifyKeyBinding(header.ybk, issuers, { jkt, formId: 'shandong', nowSeconds, skewSeconds: 300 });
 */
export async function verifyKeyBinding(binding: unknown, issuers: BindingIssuers, expected: KeyBindingExpectation): Promise<KeyBindingClaims> {
  if (typeof binding !== 'string' || binding.length > MAX_KEY_BINDING_LENGTH) throw untrusted('not a compact JWS');
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(binding);
  } catch (cause) {
    throw untrusted('not a JWT', cause);
  }
  const iss = unverified.iss;
  const keys = typeof iss === 'string' ? issuers.get(iss) : undefined;
  if (iss === undefined || keys === undefined) throw untrusted('issuer not allow-listed');
  const claims = await verifiedClaims(binding, keys, iss, expected);
  const { iat, exp, cnf, formId, sub } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') throw untrusted('no iat or exp');
  if (iat > expected.nowSeconds + expected.skewSeconds) throw untrusted('binding issued in the future');
  if (!isRecord(cnf) || typeof cnf.jkt !== 'string') throw untrusted('no cnf.jkt');
  if (cnf.jkt !== expected.jkt) throw untrusted('binding is for another key');
  if (formId !== expected.formId) throw untrusted('binding is for another form');
  if (sub !== undefined && !isIssuerId(sub)) throw untrusted('sub is not a string');
  return { iss, ...(sub === undefined ? {} : { sub }), iat, exp, formId, cnf: { jkt: cnf.jkt } };
}

/** What {@link keyAuthenticity} decides on. */
export interface AuthenticityInput {
  readonly header: SubmissionHeader;
  /** Thumbprint of the header's key. */
  readonly keyThumbprint: string;
  /** The submission's `form.id`. */
  readonly formId: string;
  /** Thumbprints of `trustedKeys`, when given. */
  readonly trusted: ReadonlySet<string> | undefined;
  /** `bindingIssuers`, when given. */
  readonly issuers: BindingIssuers | undefined;
  readonly nowSeconds: number;
  readonly skewSeconds: number;
}

/**
 * How much a verified signature says about who signed, in this order:
 * `trusted-key` when the key is among `trustedKeys`; else, when issuers are
 * configured, `bound` if the header carries a valid binding for this key and
 * form; else, when either trust source is configured, `E_KEY_UNTRUSTED`;
 * else `embedded-key`. A binding is ignored (the verdict stays
 * `embedded-key`) when no issuers are configured.
 *
 * @param input - the header, its key's thumbprint, the form id, the trust settings and the clock.
 * @returns the authenticity of the verdict.
 * @throws {YibiaoVerifyError} `E_KEY_UNTRUSTED`.
 */
export async function keyAuthenticity(input: AuthenticityInput): Promise<Authenticity> {
  const { header, keyThumbprint, trusted, issuers } = input;
  if (trusted?.has(keyThumbprint)) return 'trusted-key';
  if (issuers !== undefined) {
    if (header.ybk === undefined) throw new YibiaoVerifyError('E_KEY_UNTRUSTED', { pointer: '/header/jwk', detail: 'no key binding' });
    await verifyKeyBinding(header.ybk, issuers, {
      jkt: keyThumbprint,
      formId: input.formId,
      nowSeconds: input.nowSeconds,
      skewSeconds: input.skewSeconds,
    });
    return 'bound';
  }
  if (trusted !== undefined) throw new YibiaoVerifyError('E_KEY_UNTRUSTED', { pointer: '/header/jwk' });
  return 'embedded-key';
}
