import type { IncomingMessage, ServerResponse } from 'node:http';

/** Largest request body the designer endpoints read, in bytes. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/**
 * Reads a JSON request body.
 *
 * @returns the parsed value, or an error message (too large, not JSON).
 */
export async function readJsonBody(request: IncomingMessage): Promise<{ ok: true; body: unknown } | { ok: false; error: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return { ok: false, error: `request body larger than ${MAX_BODY_BYTES} bytes` };
    chunks.push(buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, error: 'request body is not JSON' };
  }
}

/** Sends a JSON answer that no cache keeps. */
export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}

/**
 * Sends a JavaScript module as text.
 *
 * @param cache - `immutable` for content named by its hash.
 */
export function sendScript(response: ServerResponse, text: string, cache: 'immutable' | 'no-store'): void {
  response.statusCode = 200;
  response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
  response.setHeader('Cache-Control', cache === 'immutable' ? 'private, max-age=31536000, immutable' : 'no-store');
  response.setHeader('Content-Length', Buffer.byteLength(text));
  response.end(text);
}
