import { YibiaoUsageError, YibiaoVerifyError } from './errors.js';
import type { AttachmentRef } from './payload.js';

/**
 * SHA-256 of bytes as 64 lower-case hex digits (what `sha256sum` prints, so a
 * department can check a stored file by hand).
 *
 * @param bytes - the file's bytes.
 * @returns the digest in hex.
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Input of {@link describeAttachment}. */
export interface AttachmentInput {
  /** Id of the material the file provides. */
  readonly field: string;
  readonly name: string;
  readonly mediaType: string;
  /** The bytes exactly as they will be uploaded (after re-encoding). */
  readonly bytes: Uint8Array;
}

/**
 * Describes a file for the payload: its size and SHA-256, so the signature
 * covers the bytes that are uploaded beside the token.
 *
 * @param input - material id, name, media type and the final bytes.
 * @returns the payload's attachment entry.
 * @throws {YibiaoUsageError} when `bytes` is not a Uint8Array.
 * @example
 * const ref = await describeAttachment({ field: 'idCardCopy', name: 'id.jpg', mediaType: 'image/jpeg', bytes });
 */
export async function describeAttachment(input: AttachmentInput): Promise<AttachmentRef> {
  if (!(input?.bytes instanceof Uint8Array)) throw new YibiaoUsageError('describeAttachment: "bytes" must be a Uint8Array');
  return {
    field: input.field,
    name: input.name.normalize('NFC'),
    mediaType: input.mediaType.toLowerCase(),
    size: input.bytes.length,
    sha256: await sha256Hex(input.bytes),
  };
}

/**
 * Checks received files against the attachments a payload declares: the
 * same set of names, and for each its size and SHA-256.
 *
 * @param declared - the payload's attachments.
 * @param files - received files by name.
 * @throws {YibiaoVerifyError} `E_ATTACHMENT_DIGEST`, pointing at the declared
 *   entry that does not match or is missing, or at `/attachments` for an extra file.
 */
export async function checkAttachmentFiles(
  declared: readonly AttachmentRef[],
  files: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  const names = new Set(declared.map((a) => a.name));
  for (const name of files.keys()) {
    if (!names.has(name)) throw new YibiaoVerifyError('E_ATTACHMENT_DIGEST', { pointer: '/attachments', detail: 'extra file' });
  }
  for (const [i, attachment] of declared.entries()) {
    const pointer = `/attachments/${i}`;
    const bytes = files.get(attachment.name);
    if (bytes === undefined) throw new YibiaoVerifyError('E_ATTACHMENT_DIGEST', { pointer, detail: 'missing file' });
    if (!(bytes instanceof Uint8Array) || bytes.length !== attachment.size) {
      throw new YibiaoVerifyError('E_ATTACHMENT_DIGEST', { pointer, detail: 'size differs' });
    }
    if ((await sha256Hex(bytes)) !== attachment.sha256) {
      throw new YibiaoVerifyError('E_ATTACHMENT_DIGEST', { pointer, detail: 'digest differs' });
    }
  }
}
