/**
 * SM2 signing (`SM3withSM2`), a separate entry point: hosts that must sign
 * with 国密 import it themselves, so the default ES256 path (and the widget
 * bundle) never reaches `sm-crypto-v2`. The library itself is loaded on
 * first use with a dynamic `import()`.
 *
 * @example
 * import { createSm2Signer } from 'yibiao/src/submission/sm2-signer.ts';
 * element.signer = await createSm2Signer({ privateJwk });
 */
import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import { type Sm2PublicJwk, toSm2PublicJwk } from './key.js';
import type { Signer } from './signer.js';
import type { Sm2PrivateJwk } from './sm2.js';

export type { Sm2PrivateJwk } from './sm2.js';

/** A signer whose signatures are SM2 with SM3 and `Z_A` (`alg: "SM3withSM2"`). */
export interface Sm2Signer extends Signer {
  readonly alg: 'SM3withSM2';
  publicJwk(): Promise<Sm2PublicJwk>;
}

/** Options of {@link createSm2Signer}. */
export interface Sm2SignerOptions {
  /**
   * The private key, `{ kty: 'EC', crv: 'SM2', x, y, d }` (from `yibiao keygen
   * --alg SM2` or {@link generateSm2Jwk}). Without it, a new key pair is made
   * and kept in memory for the signer's lifetime.
   */
  readonly privateJwk?: JsonWebKey;
}

function privateJwkOf(value: unknown): Sm2PrivateJwk {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new YibiaoUsageError('createSm2Signer: "privateJwk" must be a JWK object');
  }
  const { d, ...rest } = value as Record<string, unknown>;
  if (typeof d !== 'string') throw new YibiaoUsageError('createSm2Signer: "privateJwk" has no "d" (it is not a private key)');
  let pub: Sm2PublicJwk;
  try {
    pub = toSm2PublicJwk(rest, '/privateJwk');
  } catch (cause) {
    if (!(cause instanceof YibiaoVerifyError)) throw cause;
    throw new YibiaoUsageError(`createSm2Signer: "privateJwk" is not an SM2 JWK (${cause.message})`);
  }
  return { ...pub, d };
}

/**
 * Creates a signer for `SM3withSM2` (GB/T 32918.2: `e = SM3(Z_A ‖ M)` with
 * the user id `1234567812345678`, signature `r ‖ s`). Unlike the WebCrypto
 * device key of `createDeviceSigner`, the private key is a plain value in
 * JavaScript memory: WebCrypto has no SM2, so it cannot be made
 * non-extractable.
 *
 * @param options - the private key; default: a fresh key pair.
 * @returns the signer.
 * @throws {YibiaoUsageError} when `privateJwk` is not an SM2 private key whose
 *   `x`, `y` match `d`.
 * @example
 * const token = await signSubmission(buildPayload({ model, data, lang: 'zh-CN' }), await createSm2Signer({ privateJwk }));
 */
export async function createSm2Signer(options: Sm2SignerOptions = {}): Promise<Sm2Signer> {
  if (options === null || typeof options !== 'object') throw new YibiaoUsageError('createSm2Signer: "options" must be an object');
  const sm2 = await import('./sm2.js');
  const jwk = options.privateJwk === undefined ? await sm2.generateSm2PrivateJwk() : privateJwkOf(options.privateJwk);
  const { privateKey, publicKey } = await sm2.importSm2PrivateJwk(jwk);
  const publicJwk: Sm2PublicJwk = { kty: 'EC', crv: 'SM2', x: jwk.x, y: jwk.y };
  return {
    alg: 'SM3withSM2',
    sign: (signingInput) => sm2.signSm2(signingInput, privateKey, publicKey),
    publicJwk: async () => ({ ...publicJwk }),
  };
}

/**
 * Makes a new SM2 key pair as JWKs, for a server-side or a smart-card-less
 * deployment (`yibiao keygen --alg SM2`).
 *
 * @returns the private JWK (with `d`) and the public JWK.
 * @example
 * const { privateJwk, publicJwk } = await generateSm2Jwk();
 */
export async function generateSm2Jwk(): Promise<{ privateJwk: Sm2PrivateJwk; publicJwk: Sm2PublicJwk }> {
  const { generateSm2PrivateJwk } = await import('./sm2.js');
  const privateJwk = await generateSm2PrivateJwk();
  return { privateJwk, publicJwk: { kty: 'EC', crv: 'SM2', x: privateJwk.x, y: privateJwk.y } };
}
