import { calculateJwkThumbprint, importJWK } from 'jose';
import { decodeBase64urlStrict } from './base64url.js';
import { YibiaoVerifyError } from './errors.js';

/**
 * The signature algorithms this version signs and verifies:
 * - `ES256`: ECDSA P-256 with SHA-256 (RFC 7518 §3.4), the default;
 * - `SM3withSM2`: SM2 signature with SM3 and `Z_A` (GB/T 32918.2-2016), a
 *   deployment-private JWS name (DOMAIN.md §10; not in the IANA registry), which
 *   a verifier accepts only when it allow-lists it explicitly.
 */
export type SignatureAlgorithm = 'ES256' | 'SM3withSM2';

/** Every algorithm of {@link SignatureAlgorithm}, for allow-lists and checks. */
export const SUPPORTED_ALGORITHMS: readonly SignatureAlgorithm[] = Object.freeze(['ES256', 'SM3withSM2'] as const);

/** Tells whether a value names a supported algorithm (case-sensitively: `es256` is not `ES256`). */
export function isSignatureAlgorithm(value: unknown): value is SignatureAlgorithm {
  return typeof value === 'string' && (SUPPORTED_ALGORITHMS as readonly string[]).includes(value);
}

/** A P-256 public key as a JWK with only its RFC 7638 required members. */
export interface P256PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

/**
 * An SM2 public key (curve `sm2p256v1`, GB/T 32918.5) as a JWK. `crv: "SM2"`
 * is not a registered JWK curve name; yibiao uses it by private agreement
 * (docs/submission.md §3.2). `x` and `y` are the 32-byte big-endian
 * coordinates, base64url, as for P-256.
 */
export interface Sm2PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'SM2';
  readonly x: string;
  readonly y: string;
}

/** A public key of either supported curve. */
export type PublicJwk = P256PublicJwk | Sm2PublicJwk;

/** The curve each algorithm signs with, and the other way round. */
const CURVE_OF: Readonly<Record<SignatureAlgorithm, PublicJwk['crv']>> = { ES256: 'P-256', SM3withSM2: 'SM2' };

/**
 * The algorithm a public key is for: `ES256` for P-256, `SM3withSM2` for SM2.
 *
 * @param jwk - a checked public JWK.
 * @returns the algorithm.
 */
export function algorithmOfJwk(jwk: PublicJwk): SignatureAlgorithm {
  return jwk.crv === 'SM2' ? 'SM3withSM2' : 'ES256';
}

/** Optional JWK members we tolerate (RFC 7517 §4); anything else is refused. */
const OPTIONAL_MEMBERS = new Set(['alg', 'use', 'key_ops', 'kid', 'ext']);
const PRIVATE_MEMBERS = new Set(['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']);

function coordinate(value: unknown, pointer: string): string {
  if (typeof value !== 'string') throw new YibiaoVerifyError('E_KEY_INVALID', { pointer, detail: 'missing coordinate' });
  let bytes: Uint8Array;
  try {
    bytes = decodeBase64urlStrict(value, pointer);
  } catch (cause) {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer, detail: 'coordinate is not base64url', cause });
  }
  if (bytes.length !== 32) throw new YibiaoVerifyError('E_KEY_INVALID', { pointer, detail: 'coordinate is not 32 bytes' });
  return value;
}

/**
 * Narrows a JWK to a public EC key of one of `curves` and strips it to `kty`,
 * `crv`, `x`, `y`.
 */
function toEcPublicJwk(jwk: unknown, pointer: string, curves: readonly PublicJwk['crv'][]): PublicJwk {
  if (jwk === null || typeof jwk !== 'object' || Array.isArray(jwk)) {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer, detail: 'not a JWK object' });
  }
  const key = jwk as Readonly<Record<string, unknown>>;
  for (const member of Object.keys(key)) {
    if (PRIVATE_MEMBERS.has(member)) throw new YibiaoVerifyError('E_KEY_INVALID', { pointer, detail: 'private key material' });
    if (!['kty', 'crv', 'x', 'y'].includes(member) && !OPTIONAL_MEMBERS.has(member)) {
      throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/${member}`, detail: 'unexpected member' });
    }
  }
  if (key.kty !== 'EC') throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/kty`, detail: 'not an EC key' });
  const crv = curves.find((c) => c === key.crv);
  if (crv === undefined) {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/crv`, detail: `not ${curves.join(' or ')}` });
  }
  const alg = crv === 'SM2' ? 'SM3withSM2' : 'ES256';
  if (key.alg !== undefined && key.alg !== alg) {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/alg`, detail: 'key is for another algorithm' });
  }
  if (key.use !== undefined && key.use !== 'sig') {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/use`, detail: 'key is not for signatures' });
  }
  if (key.key_ops !== undefined) {
    const ops = key.key_ops;
    if (!Array.isArray(ops) || !ops.every((op) => op === 'verify')) {
      throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/key_ops`, detail: 'key is not for verification' });
    }
  }
  if (key.kid !== undefined && typeof key.kid !== 'string') {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/kid`, detail: 'kid is not a string' });
  }
  if (key.ext !== undefined && typeof key.ext !== 'boolean') {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: `${pointer}/ext`, detail: 'ext is not a boolean' });
  }
  return { kty: 'EC', crv, x: coordinate(key.x, `${pointer}/x`), y: coordinate(key.y, `${pointer}/y`) };
}

/**
 * Narrows a JWK to a P-256 public key and strips it to `kty`, `crv`, `x`, `y`.
 * Refuses private keys (a `d` in a header would publish the key), other key
 * types and curves (an `oct` key is how HS256 confusion starts), `alg` other
 * than ES256, `use` other than `sig`, `key_ops` other than `verify`, unknown
 * members, and coordinates that are not exactly 32 bytes of canonical
 * base64url (so one key has one thumbprint).
 *
 * @param jwk - a JWK from a header, a key file or an option.
 * @param pointer - where it came from, for the error (`/header/jwk`).
 * @returns the key's public members.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID`.
 */
export function toP256PublicJwk(jwk: unknown, pointer = '/jwk'): P256PublicJwk {
  return toEcPublicJwk(jwk, pointer, ['P-256']) as P256PublicJwk;
}

/**
 * Narrows a JWK to an SM2 public key `{kty:"EC", crv:"SM2", x, y}`, by the
 * same rules as {@link toP256PublicJwk} (`alg`, when present, must be
 * `SM3withSM2`). Whether the point is on the curve is checked when the key is
 * used (`E_KEY_INVALID`).
 *
 * @param jwk - a JWK from a header, a key file or an option.
 * @param pointer - where it came from, for the error.
 * @returns the key's public members.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID`.
 */
export function toSm2PublicJwk(jwk: unknown, pointer = '/jwk'): Sm2PublicJwk {
  return toEcPublicJwk(jwk, pointer, ['SM2']) as Sm2PublicJwk;
}

/**
 * Narrows a JWK to a public key of either supported curve (P-256 or SM2), or
 * of the curve of one algorithm.
 *
 * @param jwk - a JWK from a header, a key file or an option.
 * @param pointer - where it came from, for the error.
 * @param alg - when given, the key must be for this algorithm.
 * @returns the key's public members.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID`.
 * @example
 * toPublicJwk({ kty: 'EC', crv: 'SM2', x, y, kid: 'clerk-1' }); // { kty: 'EC', crv: 'SM2', x, y }
 */
export function toPublicJwk(jwk: unknown, pointer = '/jwk', alg?: SignatureAlgorithm): PublicJwk {
  return toEcPublicJwk(jwk, pointer, alg === undefined ? ['P-256', 'SM2'] : [CURVE_OF[alg]]);
}

/**
 * Imports a P-256 public key for ES256 verification as a WebCrypto
 * `CryptoKey` (never as bytes, so it cannot be used as an HMAC secret).
 * WebCrypto refuses a point that is not on the curve.
 *
 * @param jwk - a checked P-256 public JWK.
 * @returns a public ECDSA P-256 key.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID` when WebCrypto refuses the key.
 */
export async function importP256PublicKey(jwk: P256PublicJwk): Promise<CryptoKey> {
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'ES256');
  } catch (cause) {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not a point on P-256', cause });
  }
  if (key instanceof Uint8Array || key.type !== 'public') {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not a public key' });
  }
  const algorithm = key.algorithm as EcKeyAlgorithm;
  if (algorithm.name !== 'ECDSA' || algorithm.namedCurve !== 'P-256') {
    throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not an ECDSA P-256 key' });
  }
  return key;
}

/**
 * The RFC 7638 thumbprint (SHA-256, base64url) of a public key: the key's
 * identity in trust lists, key bindings (`cnf.jkt`) and verdicts. For SM2 it
 * is computed the same way over `{"crv":"SM2","kty":"EC","x":…,"y":…}`.
 *
 * @param jwk - a checked public JWK.
 * @returns 43 base64url characters.
 * @example
 * const jkt = await jwkThumbprint(toP256PublicJwk(await signer.publicJwk()));
 */
export function jwkThumbprint(jwk: PublicJwk): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, 'sha256');
}
