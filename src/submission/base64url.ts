import { base64url } from 'jose';
import { YibiaoVerifyError } from './errors.js';
import type { Base64urlCodec } from './node-base64url.js';

const JOSE_CODEC: Base64urlCodec = { decode: (text) => base64url.decode(text), encode: (bytes) => base64url.encode(bytes) };

/**
 * Decodes base64url (RFC 4648 §5, no padding) and accepts only its one
 * canonical spelling. A lenient decoder ignores the unused low bits of the last
 * character and skips whitespace, so several strings would decode to the same
 * bytes: a changed character of a token could then go unnoticed, and two
 * spellings of one key would get two thumbprints. The check is a round trip —
 * the bytes must encode back to exactly the text — which also refuses
 * padding, whitespace, `+`, `/` and any other character.
 *
 * @param text - base64url text.
 * @param pointer - what is being decoded, for the error (`/header`, `/jwk/x`).
 * @param codec - the base64url code to use (default jose's; the verifier
 *   passes Node's native one for the token's segments).
 * @returns the bytes.
 * @throws {YibiaoVerifyError} `E_MALFORMED` when the text is not canonical base64url.
 */
export function decodeBase64urlStrict(text: string, pointer: string, codec: Base64urlCodec = JOSE_CODEC): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 === 1) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'not base64url' });
  }
  let bytes: Uint8Array;
  try {
    bytes = codec.decode(text);
  } catch (cause) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'not base64url', cause });
  }
  if (codec.encode(bytes) !== text) {
    throw new YibiaoVerifyError('E_MALFORMED', { pointer, detail: 'non-canonical base64url' });
  }
  return bytes;
}
