/**
 * The verifier's first steps on a token: its compact structure, and the
 * signature check of each algorithm. ES256 goes through the platform's
 * backend (node:crypto in Node, WebCrypto elsewhere) with a cached key;
 * SM3withSM2 loads the SM2 module here, and only here on the verification path.
 */
import { decodeBase64urlStrict } from './base64url.js';
import { YibiaoVerifyError } from './errors.js';
import type { P256PublicJwk, Sm2PublicJwk } from './key.js';
import type { KeyCache } from './key-cache.js';
import { MAX_TOKEN_BYTES } from './limits.js';
import { type Base64urlCodec, nodeBase64urlCodec } from './node-base64url.js';

const encoder = new TextEncoder();

/** Node's native base64url for the token's segments, looked up on first use (undefined: jose's). */
let segmentCodec: Base64urlCodec | null | undefined;

function segmentCodecOf(): Base64urlCodec | undefined {
  if (segmentCodec === undefined) segmentCodec = nodeBase64urlCodec() ?? null;
  return segmentCodec ?? undefined;
}

/**
 * Marks a failure of the host's registry, nonce store, or of loading the SM2
 * module: not the token's fault, so `verify` rethrows the cause.
 */
export class InfrastructureFailure {
  /** @param cause - what failed. */
  constructor(readonly cause: unknown) {}
}

/** The three segments of a compact JWS, decoded. */
export interface TokenParts {
  /** The header's base64url segment, as received. */
  readonly headerSegment: string;
  readonly header: Uint8Array;
  /** `ASCII(BASE64URL(header) "." BASE64URL(payload))`. */
  readonly signingInput: string;
  readonly payload: Uint8Array;
  readonly signature: Uint8Array;
}

/**
 * Size limit and compact structure, each segment canonical base64url.
 *
 * @param token - the token as received.
 * @returns its decoded segments and the signing input.
 * @throws {YibiaoVerifyError} `E_MALFORMED` or `E_LIMIT`.
 */
export function splitToken(token: unknown): TokenParts {
  if (typeof token !== 'string') throw new YibiaoVerifyError('E_MALFORMED', { detail: 'token is not a string' });
  if (token.length > MAX_TOKEN_BYTES) throw new YibiaoVerifyError('E_LIMIT', { detail: 'token larger than 256 KiB' });
  const segments = token.split('.');
  if (segments.length !== 3) throw new YibiaoVerifyError('E_MALFORMED', { detail: 'not three segments' });
  const [header = '', payload = '', signature = ''] = segments;
  const codec = segmentCodecOf();
  return {
    headerSegment: header,
    header: decodeBase64urlStrict(header, '/header', codec),
    signingInput: `${header}.${payload}`,
    payload: decodeBase64urlStrict(payload, '/payload', codec),
    signature: decodeBase64urlStrict(signature, '/signature', codec),
  };
}

/**
 * ES256 with the cached key of the header's JWK: the key's import first
 * (`E_KEY_INVALID`), then the signature's length, then the signature over the
 * signing input. The payload is the one `splitToken` decoded, not decoded again.
 *
 * @param parts - the split token.
 * @param jwk - the header's P-256 key.
 * @param keys - the key cache (and with it the backend) to verify with.
 * @returns the payload bytes, once the signature verified.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID`, `E_SIG_INVALID`.
 */
export async function checkEs256(parts: TokenParts, jwk: P256PublicJwk, keys: KeyCache): Promise<Uint8Array> {
  const check = await keys.es256(jwk);
  // ES256 signatures are exactly r‖s, 64 bytes (RFC 7518 §3.4); an empty or DER one never verifies.
  if (parts.signature.length !== 64) throw new YibiaoVerifyError('E_SIG_INVALID', { pointer: '/signature', detail: 'not 64 bytes' });
  let valid: boolean;
  try {
    valid = await check(encoder.encode(parts.signingInput), parts.signature);
  } catch (cause) {
    throw new YibiaoVerifyError('E_SIG_INVALID', { cause });
  }
  if (!valid) throw new YibiaoVerifyError('E_SIG_INVALID');
  return parts.payload;
}

/**
 * SM3withSM2, reached only for an allow-listed SM2 header: the SM2 module is
 * loaded here and nowhere on the ES256 path, so bundles that never verify
 * SM2 tokens do not contain it.
 *
 * @param parts - the split token.
 * @param jwk - the header's SM2 key.
 * @returns the payload bytes, once the signature verified.
 * @throws {YibiaoVerifyError} `E_KEY_INVALID`, `E_SIG_INVALID`.
 * @throws {InfrastructureFailure} when the SM2 module cannot be loaded.
 */
export async function checkSm2(parts: TokenParts, jwk: Sm2PublicJwk): Promise<Uint8Array> {
  let sm2: typeof import('./sm2.js');
  try {
    sm2 = await import('./sm2.js');
  } catch (cause) {
    throw new InfrastructureFailure(cause);
  }
  const publicKey = await sm2.importSm2PublicKey(jwk);
  if (parts.signature.length !== 64) throw new YibiaoVerifyError('E_SIG_INVALID', { pointer: '/signature', detail: 'not 64 bytes' });
  if (!(await sm2.verifySm2(encoder.encode(parts.signingInput), parts.signature, publicKey))) {
    throw new YibiaoVerifyError('E_SIG_INVALID');
  }
  return parts.payload;
}
