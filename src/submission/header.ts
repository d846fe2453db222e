import { YibiaoVerifyError } from './errors.js';
import { NOT_PROVEN, parseJsonProven } from './json-fast-parse.js';
import { parseStrictJson } from './json-parse.js';
import { type P256PublicJwk, type Sm2PublicJwk, toP256PublicJwk, toSm2PublicJwk } from './key.js';
import { JSON_LIMITS, MAX_HEADER_BYTES } from './limits.js';

/** The `typ` of a submission's protected header (explicit typing, RFC 8725 §3.11). */
export const HEADER_TYPE = 'yibiao+jws';

/**
 * The protected header of a signed submission: the algorithm and the signer's
 * public key, which must be of that algorithm's curve. The key means identity
 * only when its thumbprint is trusted, or bound to a person by `ybk`, a key
 * binding from an allow-listed issuer (./key-binding.ts), checked only when
 * the verifier is given issuers.
 */
export type SubmissionHeader = (
  | { readonly alg: 'ES256'; readonly typ: typeof HEADER_TYPE; readonly jwk: P256PublicJwk }
  | { readonly alg: 'SM3withSM2'; readonly typ: typeof HEADER_TYPE; readonly jwk: Sm2PublicJwk }
) & { readonly ybk?: string };

/**
 * Header members that point at keys elsewhere. We never fetch or follow them
 * (SECURITY.md §2 "`jwk`/`jku`/`x5u`"); a token that relies on one is from a
 * key we cannot trust.
 */
const KEY_REFERENCES = new Set(['jku', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'kid']);

/** Members that change how a JWS is processed; we implement no extension. */
const PROCESSING = new Set(['crit', 'b64', 'zip', 'cty']);

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Checks the decoded protected header of a submission token, in the order
 * the verifier's errors promise: algorithm first (so `none` is always
 * `E_ALG_NOT_ALLOWED`), then key references, then unknown members and `typ`,
 * then the embedded key, which must be of the algorithm's curve (an SM2 key
 * under `ES256`, or a P-256 key under `SM3withSM2`, is `E_KEY_INVALID`).
 *
 * @param bytes - the decoded header segment.
 * @param algorithms - the allow-list, compared case-sensitively.
 * @returns the header with the key stripped to its public members.
 * @throws {YibiaoVerifyError} `E_LIMIT`, `E_MALFORMED`, `E_DUPLICATE_KEY`,
 *   `E_ALG_NOT_ALLOWED`, `E_KEY_UNTRUSTED`, `E_KEY_INVALID`.
 */
export function parseSubmissionHeader(bytes: Uint8Array, algorithms: ReadonlySet<string>): SubmissionHeader {
  if (bytes.length > MAX_HEADER_BYTES) throw new YibiaoVerifyError('E_LIMIT', { pointer: '/header', detail: 'header too large' });
  let value: unknown;
  try {
    const text = decoder.decode(bytes);
    // The native parser when it provably agrees with the strict one (no duplicate key, no other spelling).
    value = parseJsonProven(text, JSON_LIMITS, { sortedKeys: false });
    if (value === NOT_PROVEN) value = parseStrictJson(text, JSON_LIMITS);
  } catch (cause) {
    if (cause instanceof YibiaoVerifyError && (cause.code === 'E_LIMIT' || cause.code === 'E_DUPLICATE_KEY')) throw cause;
    throw new YibiaoVerifyError('E_MALFORMED', { pointer: '/header', detail: 'header is not JSON', cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer: '/header', detail: 'header is not an object' });
  }
  const header = value as Readonly<Record<string, unknown>>;
  const { alg } = header;
  if (typeof alg !== 'string' || !algorithms.has(alg)) {
    throw new YibiaoVerifyError('E_ALG_NOT_ALLOWED', { pointer: '/header/alg' });
  }
  for (const member of Object.keys(header)) {
    if (KEY_REFERENCES.has(member)) {
      throw new YibiaoVerifyError('E_KEY_UNTRUSTED', { pointer: `/header/${member}`, detail: 'key references are not followed' });
    }
  }
  for (const member of Object.keys(header)) {
    if (PROCESSING.has(member)) {
      throw new YibiaoVerifyError('E_MALFORMED', { pointer: `/header/${member}`, detail: 'unsupported JWS extension' });
    }
    if (member !== 'alg' && member !== 'typ' && member !== 'jwk' && member !== 'ybk') {
      throw new YibiaoVerifyError('E_MALFORMED', { pointer: `/header/${member}`, detail: 'unexpected header member' });
    }
  }
  if (header.typ !== HEADER_TYPE) throw new YibiaoVerifyError('E_MALFORMED', { pointer: '/header/typ', detail: 'not a yibiao submission' });
  if (header.jwk === undefined) throw new YibiaoVerifyError('E_KEY_INVALID', { pointer: '/header/jwk', detail: 'no key' });
  const { ybk } = header;
  if (ybk !== undefined && typeof ybk !== 'string') throw new YibiaoVerifyError('E_MALFORMED', { pointer: '/header/ybk', detail: 'not a string' });
  const binding = ybk === undefined ? {} : { ybk };
  if (alg === 'SM3withSM2') return { alg, typ: HEADER_TYPE, jwk: toSm2PublicJwk(header.jwk, '/header/jwk'), ...binding };
  if (alg === 'ES256') return { alg, typ: HEADER_TYPE, jwk: toP256PublicJwk(header.jwk, '/header/jwk'), ...binding };
  // An allow-list with a name this version cannot check is a programmer error, refused by verify's options.
  throw new YibiaoVerifyError('E_ALG_NOT_ALLOWED', { pointer: '/header/alg' });
}
