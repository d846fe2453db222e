/**
 * The Subresource Integrity value of a module: `sha384-` and the base64 of
 * its SHA-384 digest (W3C SRI §3.1), computed with WebCrypto over the exact
 * bytes served.
 *
 * @param bytes - the file's bytes.
 * @example
 * await sri(new TextEncoder().encode(moduleText)); // 'sha384-…'
 */
export async function sri(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', Uint8Array.from(bytes)));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}
