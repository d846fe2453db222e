import { nodeBuiltin } from './node-builtin.js';

/** A base64url (RFC 4648 §5, unpadded) encoder and decoder. */
export interface Base64urlCodec {
  decode(text: string): Uint8Array;
  encode(bytes: Uint8Array): string;
}

/**
 * Node's native base64url (node:buffer), about ten times jose's atob-based
 * code on Node 20. Its decoder is lenient (it skips characters outside the
 * alphabet), so a caller that needs the canonical spelling must check the
 * round trip. Decoded bytes are copied out of Buffer's shared pool, so they
 * own their `ArrayBuffer` as a Web API `Uint8Array` would.
 *
 * @returns the codec, or undefined when the host is not Node.
 */
export function nodeBase64urlCodec(): Base64urlCodec | undefined {
  const NodeBuffer = nodeBuiltin('node:buffer')?.Buffer;
  if (typeof NodeBuffer?.from !== 'function') return undefined;
  return {
    decode: (text) => new Uint8Array(NodeBuffer.from(text, 'base64url')),
    encode: (bytes) => NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64url'),
  };
}
