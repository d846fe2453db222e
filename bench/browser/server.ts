/**
 * A static file server on 127.0.0.1 for the scratch directory (`node_modules/.cache/yibiao-bench/site/`). Paths under `/csp/`
 * serve the same files with `Content-Security-Policy: script-src 'self'`.
 * Nothing is cached, so every page load is a first visit.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
};

export const STRICT_CSP = "script-src 'self'";

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves `root` on 127.0.0.1 (a free port).
 *
 * @param root - the directory served.
 */
export async function startServer(root: string): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const csp = url.pathname.startsWith('/csp/');
    const relative = decodeURIComponent(csp ? url.pathname.slice(4) : url.pathname);
    const file = path.join(root, path.normalize(relative));
    if (!file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const headers: Record<string, string> = {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': String(info.size),
        'cache-control': 'no-store',
      };
      if (csp) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers);
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
