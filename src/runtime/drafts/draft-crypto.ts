/**
 * The encrypted form of a draft (SECURITY.md §2 "Drafts", DOMAIN.md §11.3):
 * AES-256-GCM under a non-extractable key, a fresh 96-bit IV for every write,
 * and the form's identity as additional authenticated data, so a draft of one
 * form (or one schema version) never decrypts as another's.
 *
 * Plaintext layout: a 4-byte big-endian header length, the header as UTF-8
 * JSON (`{ v, savedAt, data, raw, files: [{ slot, material, name, mediaType, size }], pending? }`),
 * then the files' bytes one after the other.
 */
import type { SubmissionPayload } from '../../submission/index.js';
import { MAX_TOKEN_BYTES } from '../../submission/limits.js';
import { isRecord } from '../../types/is-record.js';
import type { PendingSubmission } from '../submission-controller.js';

/** One file kept in a draft. */
export interface DraftFile {
  /** Where it was attached: a material id or a `file` field's path. */
  readonly slot: string;
  /** The material it provides (the payload's `attachments[].field`). */
  readonly material: string;
  readonly name: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
}

/** What a draft holds. */
export interface DraftContent {
  /** When it was written, milliseconds since the epoch. */
  readonly savedAt: number;
  /** The form data of the ticked sections, as typed (not normalised). */
  readonly data: Readonly<Record<string, unknown>>;
  /** The typed text of number inputs, by path. */
  readonly raw: Readonly<Record<string, string>>;
  readonly files: readonly DraftFile[];
  /** A submission signed but not yet acknowledged by the intake: its id and, while unchanged, its token. */
  readonly pending?: PendingSubmission;
}

/** What is stored: the ciphertext and what is needed to expire it without decrypting. */
export interface DraftRecord {
  readonly iv: Uint8Array;
  readonly ciphertext: ArrayBuffer;
  readonly savedAt: number;
  readonly expiresAt: number;
}

/** Format version of the plaintext header. */
const VERSION = 1;

/** `formId ‖ 0x00 ‖ schemaHash`, UTF-8: the additional authenticated data. */
export function draftAad(formId: string, schemaHash: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`${formId}\u0000${schemaHash}`);
}

function encode(content: DraftContent): Uint8Array<ArrayBuffer> {
  const header = new TextEncoder().encode(
    JSON.stringify({
      v: VERSION,
      savedAt: content.savedAt,
      data: content.data,
      raw: content.raw,
      files: content.files.map((f) => ({ slot: f.slot, material: f.material, name: f.name, mediaType: f.mediaType, size: f.bytes.length })),
      pending: content.pending,
    }),
  );
  const total = 4 + header.length + content.files.reduce((n, f) => n + f.bytes.length, 0);
  const out = new Uint8Array(total);
  new DataView(out.buffer).setUint32(0, header.length);
  out.set(header, 4);
  let at = 4 + header.length;
  for (const f of content.files) {
    out.set(f.bytes, at);
    at += f.bytes.length;
  }
  return out;
}


/** The pending submission of a header, when well-formed; a malformed one is left out (the data still restores). */
function decodePending(value: unknown): PendingSubmission | undefined {
  if (!isRecord(value) || typeof value.submissionId !== 'string' || value.submissionId.length > 64) return undefined;
  const signed = value.signed;
  if (
    isRecord(signed) &&
    typeof signed.token === 'string' &&
    signed.token.length <= MAX_TOKEN_BYTES &&
    typeof signed.key === 'string' &&
    isRecord(signed.payload) &&
    signed.payload.submissionId === value.submissionId &&
    typeof signed.payload.nonce === 'string' &&
    typeof signed.payload.exp === 'number'
  ) {
    const payload = signed.payload as unknown as SubmissionPayload;
    return { submissionId: value.submissionId, signed: { token: signed.token, key: signed.key, payload } };
  }
  return { submissionId: value.submissionId };
}

function decode(plain: Uint8Array): DraftContent | undefined {
  if (plain.length < 4) return undefined;
  const length = new DataView(plain.buffer, plain.byteOffset).getUint32(0);
  if (4 + length > plain.length) return undefined;
  const header: unknown = JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + length)));
  if (!isRecord(header) || header.v !== VERSION || typeof header.savedAt !== 'number' || !isRecord(header.data)) return undefined;
  const files: DraftFile[] = [];
  let at = 4 + length;
  for (const f of Array.isArray(header.files) ? header.files : []) {
    if (
      !isRecord(f) ||
      typeof f.size !== 'number' ||
      typeof f.slot !== 'string' ||
      typeof f.material !== 'string' ||
      typeof f.name !== 'string' ||
      typeof f.mediaType !== 'string'
    ) {
      return undefined;
    }
    if (at + f.size > plain.length) return undefined;
    files.push({ slot: f.slot, material: f.material, name: f.name, mediaType: f.mediaType, bytes: plain.slice(at, at + f.size) });
    at += f.size;
  }
  const raw: Record<string, string> = {};
  if (isRecord(header.raw)) for (const [k, v] of Object.entries(header.raw)) if (typeof v === 'string') raw[k] = v;
  const pending = decodePending(header.pending);
  return pending === undefined ? { savedAt: header.savedAt, data: header.data, raw, files } : { savedAt: header.savedAt, data: header.data, raw, files, pending };
}

/**
 * Encrypts a draft.
 *
 * @param key - the AES-GCM key (non-extractable).
 * @param aad - from {@link draftAad}.
 * @param content - what to keep.
 * @param ttlMs - how long it may be restored.
 */
export async function sealDraft(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, content: DraftContent, ttlMs: number): Promise<DraftRecord> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await globalThis.crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, encode(content));
  return { iv, ciphertext, savedAt: content.savedAt, expiresAt: content.savedAt + ttlMs };
}

/**
 * Decrypts a draft.
 *
 * @returns the content, or `undefined` when it does not authenticate under this
 *   key and AAD (another form, another schema, tampering) or is malformed.
 */
export async function openDraft(key: CryptoKey, aad: Uint8Array<ArrayBuffer>, record: DraftRecord): Promise<DraftContent | undefined> {
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: Uint8Array.from(record.iv), additionalData: aad },
      key,
      record.ciphertext,
    );
    return decode(new Uint8Array(plain));
  } catch {
    return undefined;
  }
}
