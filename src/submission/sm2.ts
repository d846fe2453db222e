/**
 * SM2 signatures with SM3 (GB/T 32918.2-2016) over the JWS signing input, on
 * `sm-crypto-v2`. This module is never imported statically by the default
 * (ES256) path: the verifier loads it with `await import('./sm2.js')` only for
 * an allow-listed `SM3withSM2` token, and hosts reach it through
 * `sm2-signer.ts`. So the widget bundle, which never verifies, does not
 * contain it, and in Node `sm-crypto-v2` itself is loaded only on first use.
 *
 * Byte construction (docs/submission.md §3.2):
 * `M = ASCII(BASE64URL(header) "." BASE64URL(payload))`,
 * `e = SM3(Z_A ‖ M)`, `Z_A = SM3(ENTL_A ‖ ID_A ‖ a ‖ b ‖ x_G ‖ y_G ‖ x_A ‖ y_A)`
 * with `ID_A = "1234567812345678"` (ENTL_A = 0x0080), signature `r ‖ s`
 * (32 + 32 bytes, big-endian).
 */
import { base64url } from 'jose';
import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import type { Sm2PublicJwk } from './key.js';

type SmCrypto = typeof import('sm-crypto-v2');

let library: Promise<SmCrypto> | undefined;

/** `sm-crypto-v2`, imported once, on first need. */
function load(): Promise<SmCrypto> {
  library ??= import('sm-crypto-v2');
  return library;
}

/** Order of the base point of sm2p256v1 (GB/T 32918.5-2017). */
const N = 0xfffffffeffffffffffffffffffffffff7203df6b21c6052b53bbf40939d54123n;

/** SM2 private key: a JWK with `d`, the 32-byte scalar. */
export interface Sm2PrivateJwk extends Sm2PublicJwk {
  readonly d: string;
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

function scalar(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

/** `04 ‖ x ‖ y` in hex: the uncompressed point sm-crypto takes. */
function publicKeyHex(jwk: Sm2PublicJwk): string {
  return `04${toHex(base64url.decode(jwk.x))}${toHex(base64url.decode(jwk.y))}`;
}

/**
 * Checks that an SM2 public JWK is a point on sm2p256v1 (not the point at
 * infinity), and returns it as sm-crypto's hex.
 *
 * @param jwk - a checked SM2 public JWK.
 * @returns the uncompressed point in hex.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID` for a point off the curve.
 */
export async function importSm2PublicKey(jwk: Sm2PublicJwk): Promise<string> {
  const { sm2 } = await load();
  const hex = publicKeyHex(jwk);
  let valid = false;
  try {
    valid = sm2.verifyPublicKey(hex);
  } catch {
    valid = false;
  }
  if (!valid) throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/jwk', detail: 'not a point on SM2' });
  return hex;
}

/**
 * Verifies an SM2 signature with SM3 and the default user id over the
 * signing input. `r` and `s` must be in `[1, n − 1]` (GB/T 32918.2 §7.1
 * B1–B2), so `s + n` is not a second spelling of the same signature.
 *
 * @param signingInput - `ASCII(BASE64URL(header) "." BASE64URL(payload))`.
 * @param signature - 64 bytes, `r ‖ s`.
 * @param publicKey - from {@link importSm2PublicKey}.
 * @returns whether the signature verifies.
 */
export async function verifySm2(signingInput: Uint8Array, signature: Uint8Array, publicKey: string): Promise<boolean> {
  if (signature.length !== 64) return false;
  const r = scalar(signature.subarray(0, 32));
  const s = scalar(signature.subarray(32));
  if (r < 1n || r >= N || s < 1n || s >= N) return false;
  const { sm2 } = await load();
  try {
    // hash: true is e = SM3(Z_A ‖ M); without it sm-crypto reads M itself as e, which is not GB/T 32918.
    return sm2.doVerifySignature(signingInput, toHex(signature), publicKey, { hash: true });
  } catch {
    return false;
  }
}

/**
 * Signs the signing input with SM2/SM3 and the default user id
 * `1234567812345678` (`userId` left out, as DOMAIN.md §10 asks).
 *
 * @param signingInput - the JWS signing input.
 * @param privateKey - the private scalar in hex (64 digits).
 * @param publicKey - the matching uncompressed point in hex (saves deriving it).
 * @returns the 64-byte `r ‖ s`.
 */
export async function signSm2(signingInput: Uint8Array, privateKey: string, publicKey: string): Promise<Uint8Array> {
  const { sm2 } = await load();
  const hex = sm2.doSignature(signingInput, privateKey, { hash: true, publicKey, der: false });
  if (!/^[0-9a-f]{128}$/.test(hex)) throw new YibiaoUsageError('SM2 signing did not return 64 bytes');
  return fromHex(hex);
}

/**
 * Reads an SM2 private JWK: `d` is 32 bytes in `[1, n − 2]` and `x`, `y` are
 * the point `d·G`.
 *
 * @param jwk - `{ kty: 'EC', crv: 'SM2', x, y, d }`.
 * @returns the private scalar and the public point, both in hex.
 * @throws {YibiaoUsageError} when the JWK is not an SM2 private key or its
 *   public part does not match `d`.
 */
export async function importSm2PrivateJwk(jwk: Sm2PrivateJwk): Promise<{ privateKey: string; publicKey: string }> {
  const { sm2 } = await load();
  let d: Uint8Array;
  try {
    d = base64url.decode(jwk.d);
  } catch {
    throw new YibiaoUsageError('SM2 private JWK: "d" is not base64url');
  }
  const value = scalar(d);
  if (d.length !== 32 || value < 1n || value > N - 2n) throw new YibiaoUsageError('SM2 private JWK: "d" is not a 32-byte SM2 private key');
  const privateKey = toHex(d);
  const publicKey = sm2.getPublicKeyFromPrivateKey(privateKey);
  if (publicKey !== publicKeyHex(jwk)) throw new YibiaoUsageError('SM2 private JWK: "x" and "y" are not the public key of "d"');
  return { privateKey, publicKey };
}

/**
 * Makes a new SM2 key pair with the platform's CSPRNG (`crypto.getRandomValues`,
 * which sm-crypto-v2 uses whenever `globalThis.crypto` exists).
 *
 * @returns the private JWK (with `d`).
 */
export async function generateSm2PrivateJwk(): Promise<Sm2PrivateJwk> {
  const { sm2 } = await load();
  const { privateKey, publicKey } = sm2.generateKeyPairHex();
  return {
    kty: 'EC',
    crv: 'SM2',
    x: base64url.encode(fromHex(publicKey.slice(2, 66))),
    y: base64url.encode(fromHex(publicKey.slice(66, 130))),
    d: base64url.encode(fromHex(privateKey.padStart(64, '0'))),
  };
}
