/** The file types the widget accepts, named by their media type. */
export type SniffedType = 'image/jpeg' | 'image/png' | 'application/pdf';

/**
 * The type of a file by its first bytes (magic numbers), never by its name or
 * `File.type`, which the sender chooses (SECURITY.md §2 "Files"):
 * JPEG `FF D8 FF`, PNG `89 50 4E 47 0D 0A 1A 0A`, PDF `%PDF-`.
 * SVG, HTML and everything else is `undefined`.
 *
 * @param bytes - the file's bytes.
 * @returns the media type, or `undefined` when the bytes are none of the three.
 * @example
 * sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])); // 'image/jpeg'
 */
export function sniffType(bytes: Uint8Array): SniffedType | undefined {
  const starts = (sig: readonly number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return undefined;
}
