/**
 * Issuing key bindings, for the host's backend (see ./key-binding.ts for the
 * format and the checks). Runs in Node and in any runtime with WebCrypto.
 */
import { importJWK, type KeyObject, SignJWT } from 'jose';
import { YibiaoUsageError } from './errors.js';
import { isIssuerId, KEY_BINDING_TYPE, MAX_KEY_BINDING_LENGTH } from './key-binding.js';

/** Input of {@link issueKeyBinding}. */
export interface IssueKeyBindingInput {
  /** The issuer's private P-256 key: a JWK with `d`, a `CryptoKey` or a Node `KeyObject`. */
  readonly issuerKey: JsonWebKey | CryptoKey | KeyObject;
  /** The issuer id the verifier allow-lists with the public key. */
  readonly iss: string;
  /** RFC 7638 thumbprint of the device's public key (`jwkThumbprint(toPublicJwk(jwk))`). */
  readonly jkt: string;
  /** The form the device key may sign for. */
  readonly formId: string;
  /** Lifetime in seconds, from `now`. */
  readonly ttlSeconds: number;
  /** The issuer's id for the logged-in person (optional; it ends up in every submission's header). */
  readonly sub?: string;
  /** Issuing time; default: now. */
  readonly now?: Date;
}

const THUMBPRINT = /^[A-Za-z0-9_-]{43}$/;
const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function usage(message: string): never {
  throw new YibiaoUsageError(`issueKeyBinding: ${message}`);
}

function checkInput(input: IssueKeyBindingInput): number {
  if (input === null || typeof input !== 'object') usage('"input" must be an object');
  const { iss, jkt, formId, ttlSeconds, sub, now } = input;
  if (!isIssuerId(iss)) usage('"iss" must be a non-empty string of at most 256 characters, without surrounding spaces');
  if (typeof jkt !== 'string' || !THUMBPRINT.test(jkt)) usage('"jkt" must be an RFC 7638 SHA-256 thumbprint (43 base64url characters)');
  if (typeof formId !== 'string' || !FORM_ID.test(formId)) usage('"formId" must be a form id');
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) usage('"ttlSeconds" must be a positive whole number');
  if (sub !== undefined && !isIssuerId(sub)) usage('"sub" must be a non-empty string of at most 256 characters');
  if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime()))) usage('"now" must be a valid Date');
  return Math.floor((now ?? new Date()).getTime() / 1000);
}

async function signingKey(key: IssueKeyBindingInput['issuerKey']): Promise<CryptoKey | KeyObject> {
  if (key === null || typeof key !== 'object') usage('"issuerKey" must be a private P-256 key');
  if ((typeof CryptoKey === 'function' && key instanceof CryptoKey) || !('kty' in key)) return key as CryptoKey | KeyObject;
  const { kty, crv, x, y, d } = key as JsonWebKey;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string' || typeof d !== 'string') {
    usage('"issuerKey" must be a private P-256 JWK (with "d")');
  }
  try {
    return (await importJWK({ kty, crv, x, y, d }, 'ES256')) as CryptoKey;
  } catch (cause) {
    return usage(`"issuerKey" is not a usable P-256 key (${cause instanceof Error ? cause.message : 'invalid'})`);
  }
}

/**
 * Issues a key binding: an ES256 compact JWS, `typ: "yibiao-kb+jwt"`, with
 * the claims `{ iss, sub?, iat, exp, formId, cnf: { jkt } }`. The host's
 * backend calls it after a real-name login, for the device key the widget
 * reports (`element.publicJwk()`), and gives the result to the widget
 * (`element.keyBinding`), which puts it in each token's header as `ybk`.
 *
 * @param input - issuer key and id, the device key's thumbprint, the form, the lifetime.
 * @returns the binding (at most 2,000 characters).
 * @throws {YibiaoUsageError} for a wrong argument or key.
 * @example
 * const jkt = await jwkThumbprint(toPublicJwk(devicePublicJwk));
 * const keyBinding = await issueKeyBinding({ issuerKey, iss: 'https://login.example.gov.cn', jkt, formId: 'shandong', ttlSeconds: 3600 });
 */
export async function issueKeyBinding(input: IssueKeyBindingInput): Promise<string> {
  const iat = checkInput(input);
  const key = await signingKey(input.issuerKey);
  const claims = { formId: input.formId, cnf: { jkt: input.jkt }, ...(input.sub === undefined ? {} : { sub: input.sub }) };
  let binding: string;
  try {
    binding = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', typ: KEY_BINDING_TYPE })
      .setIssuer(input.iss)
      .setIssuedAt(iat)
      .setExpirationTime(iat + input.ttlSeconds)
      .sign(key);
  } catch (cause) {
    return usage(`"issuerKey" cannot sign ES256 (${cause instanceof Error ? cause.message : 'invalid'})`);
  }
  if (binding.length > MAX_KEY_BINDING_LENGTH) usage(`the binding is longer than ${MAX_KEY_BINDING_LENGTH} characters; shorten "iss" or "sub"`);
  return binding;
}
