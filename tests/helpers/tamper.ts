/**
 * Tampering with a compact JWS, for the properties that every changed token
 * is refused. Web APIs only (jose's base64url), so Node and browser tests
 * share it.
 */
import { base64url } from 'jose';

/** A segment of a compact JWS whose bytes can be flipped. */
export type TamperedSegment = 'payload' | 'signature';

/**
 * The token with one bit of the decoded payload or signature flipped.
 *
 * @param token - a compact JWS `header.payload.signature`.
 * @param segment - which segment's bytes to change.
 * @param position - any natural number; taken modulo the segment's length.
 * @param bit - the bit to flip, 0–7.
 */
export function flipBit(token: string, segment: TamperedSegment, position: number, bit: number): string {
  const [h = '', p = '', s = ''] = token.split('.');
  const bytes = base64url.decode(segment === 'payload' ? p : s);
  const i = position % bytes.length;
  bytes[i] = (bytes[i] ?? 0) ^ (1 << bit);
  const changed = base64url.encode(bytes);
  return segment === 'payload' ? `${h}.${changed}.${s}` : `${h}.${p}.${changed}`;
}

/**
 * The token with one character XOR-ed with `xor` (header, payload, signature
 * or a dot alike).
 *
 * @param token - a compact JWS.
 * @param position - any natural number; taken modulo the token's length.
 * @param xor - a non-zero value to XOR the character's code with.
 */
export function changeCharacter(token: string, position: number, xor: number): string {
  const i = position % token.length;
  return `${token.slice(0, i)}${String.fromCharCode(token.charCodeAt(i) ^ xor)}${token.slice(i + 1)}`;
}

/**
 * Where the character {@link changeCharacter} changes at `position` lies (a
 * dot counts with the segment before it).
 *
 * @param token - a compact JWS.
 * @param position - any natural number; taken modulo the token's length.
 */
export function regionAt(token: string, position: number): 'header' | 'payload' | 'signature' {
  const [h = '', p = ''] = token.split('.');
  const i = position % token.length;
  const payloadStart = h.length + 1;
  const signatureStart = payloadStart + p.length + 1;
  return i < payloadStart ? 'header' : i < signatureStart ? 'payload' : 'signature';
}
