import type { ServerResponse } from 'node:http';
import type { Connect, Plugin } from 'vite';
import { type ProjectPaths, projectPaths } from '../compile/paths.js';
import { parseCompileRequest } from './compile-request.js';
import { createCompileSession } from './compile-session.js';
import { listDesignerForms, readFormSource } from './form-files.js';
import { readJsonBody, sendJson, sendScript } from './http.js';
import { FORM_ID } from './types.js';

/** Where the endpoints live. */
export const API_PREFIX = '/__designer';

/** Options of {@link designerApi}. */
export interface DesignerApiOptions {
  /** The project served; default: this checkout. */
  readonly paths?: ProjectPaths;
}

/**
 * The vite plugin behind the designer (`demo/index.html`). In the dev server it answers:
 *
 * - `GET /__designer/forms` — the forms under `forms/` and the shared dictionary's `$ref`s;
 * - `GET /__designer/forms/<id>` — a form's editable files and examples;
 * - `POST /__designer/compile` — `{id, files}` → diagnostics, timings and, when the
 *   form compiles, the bundled schema, the model, the preview entry and the validator module;
 * - `GET /__designer/runtime/<id>.js` — the runtime preview entries import;
 * - `GET /__designer/widget/<versionId>.js` — a version's self-contained module (export).
 *
 * Nothing is written to the checkout: compiles run in a temp project (see `compile-session.ts`).
 *
 * @param options - the project to serve.
 * @example
 * export default defineConfig({ plugins: [designerApi()] });
 */
export function designerApi(options: DesignerApiOptions = {}): Plugin {
  const paths = options.paths ?? projectPaths();
  const session = createCompileSession(paths);

  const handle = async (request: Connect.IncomingMessage, response: ServerResponse): Promise<boolean> => {
    const url = new URL(request.url ?? '/', 'http://designer.invalid');
    const route = url.pathname.slice(API_PREFIX.length);
    if (request.method === 'GET' && route === '/forms') {
      sendJson(response, 200, await listDesignerForms(paths));
      return true;
    }
    const form = /^\/forms\/([^/]+)$/.exec(route);
    if (request.method === 'GET' && form) {
      const id = decodeURIComponent(form[1] ?? '');
      const source = FORM_ID.test(id) ? await readFormSource(paths, id) : undefined;
      if (source === undefined) sendJson(response, 404, { error: `no form "${id}" under forms/` });
      else sendJson(response, 200, source);
      return true;
    }
    const runtime = /^\/runtime\/([0-9a-f]{16})\.js$/.exec(route);
    if (request.method === 'GET' && runtime) {
      const module = await session.runtime(runtime[1] ?? '');
      if (module === undefined) sendJson(response, 404, { error: 'that runtime is no longer current: compile again' });
      else sendScript(response, module.code, 'immutable');
      return true;
    }
    const widget = /^\/widget\/([0-9a-f-]{36})\.js$/.exec(route);
    if (request.method === 'GET' && widget) {
      const module = await session.widget(widget[1] ?? '');
      if (module === undefined) sendJson(response, 404, { error: 'unknown or expired version: compile again' });
      else sendScript(response, module, 'no-store');
      return true;
    }
    if (request.method === 'POST' && route === '/compile') {
      const body = await readJsonBody(request);
      if (!body.ok) {
        sendJson(response, 400, { error: body.error });
        return true;
      }
      const parsed = parseCompileRequest(body.body);
      if (!parsed.ok) sendJson(response, 400, { error: parsed.error });
      else sendJson(response, 200, await session.compile(parsed.request));
      return true;
    }
    return false;
  };

  return {
    name: 'yibiao-designer-api',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use(API_PREFIX, (request, response) => {
        // Mounted middleware sees the path without the prefix; restore it for routing.
        request.url = `${API_PREFIX}${request.url ?? ''}`;
        handle(request, response).then(
          (handled) => {
            if (!handled) sendJson(response, 404, { error: `no designer endpoint ${request.method} ${request.url}` });
          },
          (error: unknown) => {
            server.config.logger.error(`[designer] ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
            if (!response.headersSent) sendJson(response, 500, { error: error instanceof Error ? error.message : String(error) });
          },
        );
      });
      server.httpServer?.once('close', () => {
        session.dispose().catch(() => undefined);
      });
    },
    async buildEnd() {
      await session.dispose();
    },
  };
}
