import { base64url } from 'jose';
import { YibiaoVerifyError } from './errors.js';

const ALPHABET = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes base64url (RFC 4648 §5, no padding) and accepts only its one
 * canonical spelling. A lenient decoder ignores the unused low bits of the last
 * character and skips whitespace, so several strings would decode to the same
 * bytes: a changed character of a token could then go unnoticed, and two
 * spellings of one key would get two thumbprints.
 *
 * @param text - base64url text.
 * @param pointer - what is being decoded, for the error (`/header`, `/jwk/x`).
 * @returns the bytes.
 * @throws {YibiaoVerifyError} `E_MALFORMED` when the text is not canonical base64url.
 */
export function decodeBase64urlStrict(text: string, pointer: string): Uint8Array {
  if (!ALPHABET.test(text) || text.length % 4 === 1) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'not base64url' });
  }
  let bytes: Uint8Array;
  try {
    bytes = base64url.decode(text);
  } catch (cause) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'not base64url', cause });
  }
  if (base64url.encode(bytes) !== text) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'non-canonical base64url' });
  }
  return bytes;
}
