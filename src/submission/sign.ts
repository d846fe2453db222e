import { base64url } from 'jose';
import { canonicalBytes } from './canonicalize.js';
import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import { HEADER_TYPE, type SubmissionHeader } from './header.js';
import { isSignatureAlgorithm, type P256PublicJwk, type Sm2PublicJwk, toPublicJwk } from './key.js';
import { MAX_KEY_BINDING_LENGTH } from './key-binding.js';
import { MAX_TOKEN_BYTES } from './limits.js';
import type { SubmissionPayload } from './payload.js';
import { checkPayloadShape } from './payload-shape.js';
import type { Signer } from './signer.js';

const encoder = new TextEncoder();

/** Signature length of each algorithm, in bytes (both: 32-byte r ‖ 32-byte s). */
const SIGNATURE_BYTES = { ES256: 64, SM3withSM2: 64 } as const;

/** Options of {@link signSubmission}. */
export interface SignOptions {
  /**
   * A key binding for the signer's key (`issueKeyBinding`, from the host's
   * backend), carried in the protected header as `ybk`.
   */
  readonly keyBinding?: string;
}

/** A compact JWS of at most `MAX_KEY_BINDING_LENGTH` characters, by shape only (the verifier checks the rest). */
const BINDING_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

function checkSigner(signer: Signer): void {
  if (
    signer === null ||
    typeof signer !== 'object' ||
    !isSignatureAlgorithm(signer.alg) ||
    typeof signer.sign !== 'function' ||
    typeof signer.publicJwk !== 'function'
  ) {
    throw new YibiaoUsageError('signSubmission: "signer" must be a Signer with alg "ES256" or "SM3withSM2"');
  }
}

/**
 * Signs a submission payload as a JWS compact serialisation:
 *
 * ```text
 * BASE64URL(JCS(header)) "." BASE64URL(JCS(payload)) "." BASE64URL(signature)
 * header = { "alg": signer.alg, "jwk": { "crv", "kty", "x", "y" }, "typ": "yibiao+jws" [, "ybk": keyBinding] }
 * ```
 *
 * The key must be of the algorithm's curve: P-256 for `ES256`, SM2 for
 * `SM3withSM2`. This function never loads SM2 code itself: an SM2 signer
 * (`createSm2Signer`) brings its own.
 *
 * The payload is checked first with the verifier's own shape rules (including
 * NFC and no control, bidi or zero-width characters), so the browser never
 * signs what a department server would refuse for its form.
 *
 * @param payload - from `buildPayload`.
 * @param signer - e.g. from `createDeviceSigner` or `createSm2Signer`.
 * @param options - a key binding for the signer's key, to carry in the header.
 * @returns the token.
 * @throws {YibiaoVerifyError} `E_PAYLOAD_INVALID` (with the pointer of the
 *   field to fix) or `E_LIMIT` when the payload or token is too large.
 * @throws {YibiaoUsageError} when the signer misbehaves (wrong key type, DER signature).
 * @example
 * const token = await signSubmission(buildPayload({ model, data, lang: 'zh-CN' }), await createDeviceSigner());
 */
export async function signSubmission(payload: SubmissionPayload, signer: Signer, options: SignOptions = {}): Promise<string> {
  checkSigner(signer);
  const { keyBinding } = options;
  if (keyBinding !== undefined && (typeof keyBinding !== 'string' || keyBinding.length > MAX_KEY_BINDING_LENGTH || !BINDING_SHAPE.test(keyBinding))) {
    throw new YibiaoUsageError(`signSubmission: "keyBinding" must be a compact JWS of at most ${MAX_KEY_BINDING_LENGTH} characters`);
  }
  checkPayloadShape(payload);
  const payloadBytes = canonicalBytes(payload);
  let jwk: SubmissionHeader['jwk'];
  try {
    jwk = toPublicJwk(await signer.publicJwk(), '/jwk', signer.alg);
  } catch (cause) {
    if (!(cause instanceof YibiaoVerifyError)) throw cause;
    throw new YibiaoUsageError(`signSubmission: the signer's public key is not a public JWK for ${signer.alg} (${cause.message})`);
  }
  const binding = keyBinding === undefined ? {} : { ybk: keyBinding };
  const header: SubmissionHeader =
    signer.alg === 'ES256'
      ? { alg: 'ES256', typ: HEADER_TYPE, jwk: jwk as P256PublicJwk, ...binding }
      : { alg: 'SM3withSM2', typ: HEADER_TYPE, jwk: jwk as Sm2PublicJwk, ...binding };
  const signingInput = `${base64url.encode(canonicalBytes(header))}.${base64url.encode(payloadBytes)}`;
  const signature = await signer.sign(encoder.encode(signingInput));
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES[signer.alg]) {
    throw new YibiaoUsageError(
      `signSubmission: the signer must return the ${SIGNATURE_BYTES[signer.alg]}-byte r‖s signature, not DER`,
    );
  }
  const token = `${signingInput}.${base64url.encode(signature)}`;
  if (token.length > MAX_TOKEN_BYTES) throw new YibiaoVerifyError('E_LIMIT', { detail: 'token larger than 256 KiB' });
  return token;
}
