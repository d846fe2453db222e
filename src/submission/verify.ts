import type { LocalizedText } from '../ir/types.js';
import type { CompiledForm, FormRegistry } from '../runtime/compiled-form.js';
import { validateData } from '../runtime/validate.js';
import type { ValidationIssue } from '../runtime/validation-types.js';
import { checkAttachmentFiles } from './attachments.js';
import { parseCanonical } from './canonicalize.js';
import { type VerifyErrorCode, verifyErrorMessage, YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import type { SubmissionHeader } from './header.js';
import { defaultHeaderCache, type HeaderCache } from './header-cache.js';
import { isSignatureAlgorithm, type SignatureAlgorithm, toPublicJwk } from './key.js';
import { type BindingIssuer, type BindingIssuers, keyAuthenticity, prepareBindingIssuers } from './key-binding.js';
import { defaultKeyCache, type KeyCache } from './key-cache.js';
import { SUBMISSION_LIFETIME_SECONDS } from './limits.js';
import { checkAgainstModel } from './model-checks.js';
import type { NonceStore } from './nonce-store.js';
import type { SubmissionPayload } from './payload.js';
import { checkPayloadShape } from './payload-shape.js';
import { shanghaiDate } from './time.js';
import { checkEs256, checkSm2, InfrastructureFailure, splitToken } from './token-signature.js';

/** Default tolerance for the signer's clock, in seconds (SECURITY.md §2 "Replay, skew"). */
export const DEFAULT_CLOCK_SKEW_SECONDS = 300;

/** Default largest age of a submission, in seconds (24 h). */
export const DEFAULT_MAX_AGE_SECONDS = SUBMISSION_LIFETIME_SECONDS;

/** Options of {@link verify}. */
export interface VerifyOptions {
  /** Compiled forms by id: the model and validator the data is re-validated with. */
  readonly forms: FormRegistry;
  /**
   * Keys the department trusts (e.g. bound to a real-name login): P-256 or
   * SM2 public JWKs. When given, the token's key must be one of them by
   * RFC 7638 thumbprint, else `E_KEY_UNTRUSTED`; an empty list trusts
   * nothing. When absent, the key in the header is used and the verdict says
   * `authenticity: 'embedded-key'`.
   */
  readonly trustedKeys?: readonly JsonWebKey[];
  /**
   * Allow-listed issuers of key bindings (`{ iss, key }`, the key a public
   * P-256 JWK, `CryptoKey` or `KeyObject`). When given, a key not among
   * `trustedKeys` must come with a valid binding in the header (`ybk`, see
   * ./key-binding.ts): verdict `bound`, else `E_KEY_UNTRUSTED`. When absent,
   * a binding in the header is ignored.
   */
  readonly bindingIssuers?: readonly BindingIssuer[];
  /**
   * Accepted `alg` values, compared case-sensitively; default `['ES256']`.
   * `SM3withSM2` is accepted only when listed here; only then is the SM2
   * code loaded (`await import('./sm2.js')`).
   */
  readonly algorithms?: readonly SignatureAlgorithm[];
  /** The verifier's clock; default: now. */
  readonly now?: Date;
  /** How far the signer's clock may be ahead (for `iat`) or behind (for `exp`); default 300. */
  readonly clockSkewSeconds?: number;
  /** Largest accepted `now − iat`, in seconds, without skew; default 86400. */
  readonly maxAgeSeconds?: number;
  /** Where nonces of accepted tokens are recorded; without it, replays are not detected. */
  readonly nonceStore?: NonceStore;
  /**
   * The received files by file name (NFC, as in the payload). When given, each declared attachment must
   * be present with its size and SHA-256, and no other file may be present.
   */
  readonly attachments?: ReadonlyMap<string, Uint8Array>;
}

/** How much the signature says about who signed. */
export type Authenticity = 'embedded-key' | 'trusted-key' | 'bound';

/** An accepted submission. */
export interface VerifySuccess {
  readonly ok: true;
  readonly payload: SubmissionPayload;
  readonly header: SubmissionHeader;
  /**
   * `trusted-key`: signed by one of `trustedKeys`. `bound`: signed by a key
   * that a binding from one of `bindingIssuers` ties to a login. `embedded-key`: signed by the
   * key in the header — the content is intact, but anyone could have made the key.
   */
  readonly authenticity: Authenticity;
  /** RFC 7638 thumbprint of the signing key (SHA-256, base64url). */
  readonly keyThumbprint: string;
  /** Validation warnings (do not block; show them to the case worker). */
  readonly warnings: readonly ValidationIssue[];
  /** Whether files were checked against their digests (`attachments` option given). */
  readonly attachmentsChecked: boolean;
}

/** A refused submission. */
export interface VerifyFailure {
  readonly ok: false;
  readonly code: VerifyErrorCode;
  readonly message: LocalizedText;
  /** JSON pointer of the offending place (`/header/alg`, `/data/housingFund`); never a value. */
  readonly pointer?: string;
  /** The validation errors, for `E_DATA_INVALID`. */
  readonly issues?: readonly ValidationIssue[];
}

/** The outcome of {@link verify}. */
export type Verdict = VerifySuccess | VerifyFailure;

interface Settings {
  readonly forms: FormRegistry;
  /** Imported keys and thumbprints, and parsed headers, kept across calls. */
  readonly keys: KeyCache;
  readonly headers: HeaderCache;
  readonly trusted: ReadonlySet<string> | undefined;
  readonly issuers: BindingIssuers | undefined;
  readonly algorithms: ReadonlySet<SignatureAlgorithm>;
  readonly nowSeconds: number;
  readonly skew: number;
  readonly maxAge: number;
  readonly nonceStore: NonceStore | undefined;
  readonly attachments: ReadonlyMap<string, Uint8Array> | undefined;
}


function usage(message: string): never {
  throw new YibiaoUsageError(`verify: ${message}`);
}

function nonNegativeInteger(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) usage(`"${name}" must be a non-negative integer`);
  return value;
}

async function settingsOf(options: VerifyOptions): Promise<Settings> {
  if (options === null || typeof options !== 'object') usage('"options" must be an object');
  const { forms, trustedKeys, algorithms, now, nonceStore, attachments } = options;
  if (forms === null || typeof forms !== 'object' || typeof forms.get !== 'function') {
    usage('"options.forms" must be a FormRegistry');
  }
  const allowed = algorithms ?? ['ES256'];
  if (!Array.isArray(allowed) || allowed.length === 0 || !allowed.every(isSignatureAlgorithm)) {
    usage('"options.algorithms" must be a non-empty list of supported algorithms ("ES256", "SM3withSM2")');
  }
  if (now !== undefined && (!(now instanceof Date) || Number.isNaN(now.getTime()))) usage('"options.now" must be a valid Date');
  const maxAge = nonNegativeInteger(options.maxAgeSeconds, DEFAULT_MAX_AGE_SECONDS, 'options.maxAgeSeconds');
  const skew = nonNegativeInteger(options.clockSkewSeconds, DEFAULT_CLOCK_SKEW_SECONDS, 'options.clockSkewSeconds');
  if (nonceStore !== undefined && (nonceStore === null || typeof nonceStore.checkAndStore !== 'function')) {
    usage('"options.nonceStore" must have a checkAndStore method');
  }
  if (attachments !== undefined && !(attachments instanceof Map)) usage('"options.attachments" must be a Map');
  const keys = defaultKeyCache();
  let trusted: Set<string> | undefined;
  if (trustedKeys !== undefined) {
    if (!Array.isArray(trustedKeys)) usage('"options.trustedKeys" must be an array of JWKs');
    trusted = new Set();
    for (const [i, jwk] of trustedKeys.entries()) {
      try {
        trusted.add(await keys.thumbprint(toPublicJwk(jwk, `/trustedKeys/${i}`)));
      } catch (cause) {
        usage(`"options.trustedKeys[${i}]" is not a P-256 or SM2 public JWK (${cause instanceof Error ? cause.message : 'invalid'})`);
      }
    }
  }
  return {
    forms,
    keys,
    headers: defaultHeaderCache(),
    trusted,
    issuers: options.bindingIssuers === undefined ? undefined : await prepareBindingIssuers(options.bindingIssuers),
    algorithms: new Set(allowed),
    nowSeconds: Math.floor((now ?? new Date()).getTime() / 1000),
    skew,
    maxAge,
    nonceStore,
    attachments,
  };
}

function failure(code: VerifyErrorCode, pointer?: string, issues?: readonly ValidationIssue[]): VerifyFailure {
  return {
    ok: false,
    code,
    message: verifyErrorMessage(code),
    ...(pointer === undefined || pointer === '' ? {} : { pointer }),
    ...(issues === undefined ? {} : { issues }),
  };
}

async function lookupForm(forms: FormRegistry, id: string): Promise<CompiledForm> {
  let form: CompiledForm | undefined;
  try {
    form = await forms.get(id);
  } catch (cause) {
    throw new InfrastructureFailure(cause);
  }
  // A registry that answers with another form is misconfigured; fail closed.
  if (form === undefined || form === null || form.model?.id !== id) {
    throw new YibiaoVerifyError('E_FORM_UNKNOWN', { pointer: '/form/id' });
  }
  return form;
}

function checkTime(payload: SubmissionPayload, settings: Settings): void {
  const { nowSeconds, skew, maxAge } = settings;
  if (payload.iat > nowSeconds + skew) throw new YibiaoVerifyError('E_IAT_FUTURE', { pointer: '/iat' });
  if (nowSeconds > payload.exp + skew) throw new YibiaoVerifyError('E_EXPIRED', { pointer: '/exp' });
  if (nowSeconds - payload.iat > maxAge) throw new YibiaoVerifyError('E_EXPIRED', { pointer: '/iat' });
}

/**
 * A check a caller adds after the model checks and before files and nonce
 * (`verifyPart` compares its part here); it throws a {@link YibiaoVerifyError}.
 */
export type ExtraCheck = (payload: SubmissionPayload) => void;

async function run(token: unknown, settings: Settings, extra: ExtraCheck | undefined): Promise<Verdict> {
  const parts = splitToken(token);
  const header = settings.headers.parse(parts.headerSegment, parts.header, settings.algorithms);
  const keyThumbprint = await settings.keys.thumbprint(header.jwk);
  if (settings.trusted !== undefined && settings.issuers === undefined && !settings.trusted.has(keyThumbprint)) {
    throw new YibiaoVerifyError('E_KEY_UNTRUSTED', { pointer: '/header/jwk' });
  }
  const payloadBytes =
    header.alg === 'SM3withSM2' ? await checkSm2(parts, header.jwk) : await checkEs256(parts, header.jwk, settings.keys);
  const payload = checkPayloadShape(parseCanonical(payloadBytes));
  const { trusted, issuers, nowSeconds, skew: skewSeconds } = settings;
  const authenticity =
    trusted === undefined && issuers === undefined
      ? 'embedded-key'
      : await keyAuthenticity({ header, keyThumbprint, formId: payload.form.id, trusted, issuers, nowSeconds, skewSeconds });

  const form = await lookupForm(settings.forms, payload.form.id);
  if (form.model.schemaHash !== payload.form.schemaHash) {
    throw new YibiaoVerifyError('E_SCHEMA_MISMATCH', { pointer: '/form/schemaHash' });
  }
  if (form.model.version !== payload.form.version) {
    throw new YibiaoVerifyError('E_FORM_VERSION_MISMATCH', { pointer: '/form/version' });
  }
  checkTime(payload, settings);
  checkAgainstModel(payload, form.model);

  let result: ReturnType<typeof validateData>;
  try {
    result = validateData(form, payload.data, { today: shanghaiDate(payload.iat) });
  } catch (cause) {
    // A validator that crashes on this data must not let it through.
    throw new YibiaoVerifyError('E_DATA_INVALID', { pointer: '/data', detail: 'validator failed', cause });
  }
  if (!result.valid) return failure('E_DATA_INVALID', '/data', result.errors);

  extra?.(payload);

  if (settings.attachments !== undefined) await checkAttachmentFiles(payload.attachments, settings.attachments);

  if (settings.nonceStore !== undefined) {
    // Keep the nonce as long as any setting of ours could still accept the token.
    const until = Math.max(payload.exp + settings.skew, payload.iat + settings.maxAge);
    let fresh: boolean;
    try {
      fresh = await settings.nonceStore.checkAndStore(payload.nonce, new Date(until * 1000));
    } catch (cause) {
      throw new InfrastructureFailure(cause);
    }
    if (!fresh) throw new YibiaoVerifyError('E_REPLAY', { pointer: '/nonce' });
  }

  return {
    ok: true,
    payload,
    header,
    authenticity,
    keyThumbprint,
    warnings: result.warnings,
    attachmentsChecked: settings.attachments !== undefined,
  };
}

/**
 * Verifies a signed submission and re-validates its data, failing closed.
 *
 * Steps, in order (the first failure decides the code): size limit →
 * compact structure and canonical base64url → header (`alg` in the allow-list,
 * no `jku`/`x5u`/`x5c`/`kid`/`crit`; nothing is ever fetched) → key (EC P-256
 * for ES256, SM2 for SM3withSM2, trusted by thumbprint when `trustedKeys` is
 * given) → signature (ES256: node:crypto's one-shot `verify` in Node, WebCrypto
 * elsewhere, with the key imported once and cached by its coordinates;
 * SM3withSM2: `e = SM3(Z_A ‖ M)`, loaded only then) → canonical,
 * duplicate-free payload bytes → payload shape → key binding (`ybk`, when
 * `bindingIssuers` is given and the key is not trusted) → form by id → `schemaHash` →
 * version → `iat`/`exp` window → services, routing and sections against the
 * model → `validateData` on the
 * `iat` date in Asia/Shanghai → attachments → nonce (last, so a refused token
 * never uses up its nonce).
 *
 * @param token - the JWS compact serialisation, exactly as received.
 * @param options - registry, trust, clock, replay store, files.
 * @returns a verdict; never throws because of the token's content. Messages
 *   and pointers never contain values from the token.
 * @throws {YibiaoUsageError} when the options are wrong (a programmer error).
 * @throws whatever the registry's `get` or the nonce store throws (an
 *   infrastructure failure: answer 5xx, not "rejected").
 * @example
 * const verdict = await verify(token, { forms, nonceStore, now: new Date() });
 * if (!verdict.ok) return reply(400, { code: verdict.code, message: verdict.message[lang] });
 */
export async function verify(token: string, options: VerifyOptions): Promise<Verdict> {
  return verifyWith(token, options, undefined);
}

/**
 * {@link verify} with one more check before files and nonce, so that a token
 * refused by it never uses up its nonce. Internal: for `verifyPart`.
 *
 * @param token - the JWS compact serialisation.
 * @param options - as for `verify`.
 * @param extra - the additional check, or undefined.
 * @returns the verdict.
 */
export async function verifyWith(token: string, options: VerifyOptions, extra: ExtraCheck | undefined): Promise<Verdict> {
  const settings = await settingsOf(options);
  try {
    return await run(token, settings, extra);
  } catch (error) {
    if (error instanceof InfrastructureFailure) throw error.cause;
    if (error instanceof YibiaoUsageError) throw error;
    if (error instanceof YibiaoVerifyError) return failure(error.code, error.pointer);
    // Anything else is a bug reached by some input: refuse rather than accept.
    return failure('E_MALFORMED');
  }
}
