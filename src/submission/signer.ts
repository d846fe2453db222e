import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import { type P256PublicJwk, type SignatureAlgorithm, toP256PublicJwk } from './key.js';

/**
 * Produces the signature of a submission. The browser's device signer keeps a
 * non-extractable key; a host may plug in another (a smart card, a server-side
 * key) as long as it follows this contract.
 */
export interface Signer {
  /**
   * The JWS `alg` of the signatures it produces: `ES256`, or `SM3withSM2`
   * (see `createSm2Signer` in `sm2-signer.ts`).
   */
  readonly alg: SignatureAlgorithm;
  /**
   * Signs the JWS signing input, `ASCII(BASE64URL(header) "." BASE64URL(payload))`.
   *
   * @returns the signature: 64 bytes `r‖s` for both algorithms (for ES256 IEEE
   *   P1363, not DER; for SM2 `r‖s` of GB/T 32918.2, not DER).
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

/** A P-256 private key as a JWK: the public members and `d`. */
export interface P256PrivateJwk extends P256PublicJwk {
  readonly d: string;
}

/**
 * Wraps a P-256 private JWK (e.g. from `yibiao keygen`) as an ES256 signer,
 * for server-side signing. The key is imported with WebCrypto `importKey`,
 * not extractable; a probe signature checks that `x`, `y` belong to `d`.
 *
 * @param jwk - `{ kty: 'EC', crv: 'P-256', x, y, d }`.
 * @returns the signer.
 * @throws {YibiaoUsageError} when the JWK is not a P-256 private key or its
 *   public part does not match `d`.
 * @example
 * const signer = await signerFromPrivateJwk(JSON.parse(await readFile('clerk.jwk', 'utf8')));
 */
export async function signerFromPrivateJwk(jwk: JsonWebKey): Promise<DeviceSigner> {
  if (jwk === null || typeof jwk !== 'object' || typeof jwk.d !== 'string') {
    throw new YibiaoUsageError('signerFromPrivateJwk: "jwk" must be a private JWK (with "d")');
  }
  const { d, ...rest } = jwk;
  let pub: P256PublicJwk;
  try {
    pub = toP256PublicJwk(rest, '/jwk');
  } catch (cause) {
    if (!(cause instanceof YibiaoVerifyError)) throw cause;
    throw new YibiaoUsageError(`signerFromPrivateJwk: "jwk" is not a P-256 JWK (${cause.message})`);
  }
  const subtle = globalThis.crypto.subtle;
  let keyPair: CryptoKeyPair;
  try {
    keyPair = {
      privateKey: await subtle.importKey('jwk', { ...pub, d }, ECDSA_P256, false, ['sign']),
      publicKey: await subtle.importKey('jwk', { ...pub }, ECDSA_P256, true, ['verify']),
    };
  } catch (cause) {
    throw new YibiaoUsageError(`signerFromPrivateJwk: WebCrypto refuses the key (${cause instanceof Error ? cause.message : 'invalid'})`);
  }
  const signer = signerFromKeyPair(keyPair);
  const probe = new TextEncoder().encode('yibiao key probe');
  const signature = await signer.sign(probe);
  if (!(await subtle.verify(ECDSA_SHA256, keyPair.publicKey, signature as Uint8Array<ArrayBuffer>, probe))) {
    throw new YibiaoUsageError('signerFromPrivateJwk: "x" and "y" are not the public key of "d"');
  }
  return signer;
}

/**
 * Makes a new extractable ECDSA P-256 key pair as JWKs, for a server-side
 * signer (`yibiao keygen`). Browsers should use {@link createDeviceSigner},
 * whose key cannot be exported.
 *
 * @returns the private JWK (with `d`) and the public JWK.
 */
export async function generateEs256Jwk(): Promise<{ privateJwk: P256PrivateJwk; publicJwk: P256PublicJwk }> {
  const pair = await globalThis.crypto.subtle.generateKey(ECDSA_P256, true, ['sign', 'verify']);
  const { x, y, d } = await globalThis.crypto.subtle.exportKey('jwk', pair.privateKey);
  if (x === undefined || y === undefined || d === undefined) throw new YibiaoUsageError('generateEs256Jwk: WebCrypto exported no key');
  return { privateJwk: { kty: 'EC', crv: 'P-256', x, y, d }, publicJwk: { kty: 'EC', crv: 'P-256', x, y } };
}
