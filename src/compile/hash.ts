import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/**
 * The published identity of a bundled schema: `sha256-<base64url>` of its
 * RFC 8785 canonical bytes. The verifier compares it exactly (never "latest").
 *
 * @param schema - the final bundled schema.
 */
export function schemaHash(schema: unknown): string {
  const canonical = canonicalize(schema);
  if (canonical === undefined) throw new TypeError('schema cannot be canonicalised');
  return `sha256-${createHash('sha256').update(canonical, 'utf8').digest('base64url')}`;
}
