import { YibiaoUsageError } from './errors.js';
import type { SignatureAlgorithm } from './key.js';

/**
 * Produces the signature of a submission. The browser's device signer keeps a
 * non-extractable key; a host may plug in another (a smart card, a server-side
 * key) as long as it follows this contract.
 */
export interface Signer {
  /** The JWS `alg` of the signatures it produces. */
  readonly alg: SignatureAlgorithm;
  /**
   * Signs the JWS signing input, `ASCII(BASE64URL(header) "." BASE64URL(payload))`.
   *
   * @returns the signature; for ES256 the 64-byte `r‖s` (IEEE P1363), not DER.
   */
  sign(signingInput: Uint8Array): Promise<Uint8Array>;
  /** The public key as a JWK, without private members. */
  publicJwk(): Promise<JsonWebKey>;
}

/** A signer over a WebCrypto key pair that it exposes, so the host can keep it in IndexedDB. */
export interface DeviceSigner extends Signer {
  /** The key pair; its private key is not extractable when made by {@link createDeviceSigner}. */
  readonly keyPair: CryptoKeyPair;
}

const ECDSA_P256: EcKeyGenParams = { name: 'ECDSA', namedCurve: 'P-256' };
const ECDSA_SHA256: EcdsaParams = { name: 'ECDSA', hash: 'SHA-256' };

function isP256(key: unknown, type: KeyType): key is CryptoKey {
  if (key === null || typeof key !== 'object') return false;
  const { algorithm, type: actual } = key as CryptoKey;
  const ec = algorithm as EcKeyAlgorithm | undefined;
  return actual === type && ec?.name === 'ECDSA' && ec.namedCurve === 'P-256';
}

/**
 * Wraps an existing ECDSA P-256 key pair (e.g. one read back from IndexedDB)
 * as an ES256 {@link Signer}.
 *
 * @param keyPair - the pair; the private key must allow `sign`.
 * @returns the signer.
 * @throws {YibiaoUsageError} when the pair is not ECDSA P-256.
 * @example
 * const signer = signerFromKeyPair(await idb.get('device-key'));
 */
export function signerFromKeyPair(keyPair: CryptoKeyPair): DeviceSigner {
  if (
    keyPair === null ||
    typeof keyPair !== 'object' ||
    !isP256(keyPair.privateKey, 'private') ||
    !isP256(keyPair.publicKey, 'public') ||
    !keyPair.privateKey.usages.includes('sign')
  ) {
    throw new YibiaoUsageError('signerFromKeyPair: "keyPair" must be an ECDSA P-256 key pair whose private key can sign');
  }
  let jwk: Promise<JsonWebKey> | undefined;
  return {
    alg: 'ES256',
    keyPair,
    async sign(signingInput) {
      // WebCrypto ECDSA already returns r‖s (IEEE P1363), which is what JWS wants (RFC 7518 §3.4).
      const signature = await globalThis.crypto.subtle.sign(ECDSA_SHA256, keyPair.privateKey, Uint8Array.from(signingInput));
      return new Uint8Array(signature);
    },
    async publicJwk() {
      // A public key is always exportable, whatever its `extractable` flag says.
      jwk ??= globalThis.crypto.subtle.exportKey('jwk', keyPair.publicKey);
      const { kty, crv, x, y } = await jwk;
      return { kty, crv, x, y } as JsonWebKey;
    },
  };
}

/**
 * Creates the browser's device signer: a fresh ECDSA P-256 key pair whose
 * private key is NOT extractable (`exportKey` throws), so script on the page
 * can use it but never copy it out.
 *
 * @returns an ES256 signer over the new key pair.
 * @example
 * const signer = await createDeviceSigner();
 * const token = await signSubmission(buildPayload({ model, data, lang: 'zh-CN' }), signer);
 */
export async function createDeviceSigner(): Promise<DeviceSigner> {
  const keyPair = await globalThis.crypto.subtle.generateKey(ECDSA_P256, false, ['sign', 'verify']);
  return signerFromKeyPair(keyPair);
}
