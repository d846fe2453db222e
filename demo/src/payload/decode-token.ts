import { base64url } from 'jose';

/** The parts of a JWS compact token, decoded for display. */
export interface DecodedToken {
  readonly header: unknown;
  /** The signed payload bytes (base64url-decoded second segment). */
  readonly payloadBytes: Uint8Array;
  readonly payloadText: string;
}

/**
 * Decodes a JWS compact token's header and payload (no verification: that is `verify`'s job).
 *
 * @param token - `header.payload.signature`.
 * @throws when a segment is not base64url JSON.
 */
export function decodeToken(token: string): DecodedToken {
  const [header = '', payload = ''] = token.split('.');
  const headerText = new TextDecoder().decode(base64url.decode(header));
  const payloadBytes = base64url.decode(payload);
  return { header: JSON.parse(headerText) as unknown, payloadBytes, payloadText: new TextDecoder().decode(payloadBytes) };
}

/** Whether two byte arrays are equal. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
