/**
 * Size and structure limits of a signed submission (SECURITY.md §2 "Limits").
 * They bound the work a verifier does for an unauthenticated token, and the
 * signer enforces the same numbers so a browser never produces a token that
 * a department server would refuse.
 */

/** Largest token (JWS compact serialisation), in bytes: 256 KiB. */
export const MAX_TOKEN_BYTES = 256 * 1024;

/** Largest canonical payload, in bytes (it can never exceed the token anyway). */
export const MAX_PAYLOAD_BYTES = 256 * 1024;

/** Largest protected header, in bytes; ours is about 200. */
export const MAX_HEADER_BYTES = 4 * 1024;

/** Deepest nesting of objects and arrays; the top-level object is depth 1. */
export const MAX_DEPTH = 32;

/** Most object members in one JSON document, counted over all objects. */
export const MAX_KEYS = 2_000;

/** Longest string value or key, in Unicode code points. */
export const MAX_STRING_LENGTH = 2_000;

/** Most items in one array. */
export const MAX_ARRAY_LENGTH = 100;

/** Most attachments one submission may declare (SECURITY.md §2 "Files"). */
export const MAX_ATTACHMENTS = 10;

/** Largest attachment, in bytes: 5 MiB (SECURITY.md §2 "Files"). */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Lifetime of a submission: `exp = iat + 24 h`. */
export const SUBMISSION_LIFETIME_SECONDS = 24 * 60 * 60;

/** The limits one JSON document is checked against. */
export interface JsonLimits {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxStringLength: number;
  readonly maxArrayLength: number;
}

/** The limits of every JSON document in a submission (payload and header). */
export const JSON_LIMITS: JsonLimits = {
  maxDepth: MAX_DEPTH,
  maxKeys: MAX_KEYS,
  maxStringLength: MAX_STRING_LENGTH,
  maxArrayLength: MAX_ARRAY_LENGTH,
};

/**
 * Object keys that would reach `Object.prototype` or a constructor when a
 * consumer merges data naively (SECURITY.md §2 "Prototype pollution"):
 * refused in schemas (lint), in data the widget is given, and in payloads.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
