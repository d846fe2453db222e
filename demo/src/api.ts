import type { ApiError, CompileRequest, CompileResponse, FormList, FormSource } from '../../src/designer-api/types.js';

/** Thrown when an endpoint answers with an error (the designer shows the message). */
export class DesignerApiError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.name = 'DesignerApiError';
    this.status = status;
  }
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json()) as T | ApiError;
  if (!response.ok) throw new DesignerApiError(response.status, (body as ApiError).error ?? response.statusText);
  return body as T;
}

/** `GET /__designer/forms`: the forms under `forms/` and the dictionary's `$ref`s. */
export async function fetchForms(): Promise<FormList> {
  return answer<FormList>(await fetch('/__designer/forms'));
}

/** `GET /__designer/forms/<id>`: the editable files and the examples of one form. */
export async function fetchForm(id: string): Promise<FormSource> {
  return answer<FormSource>(await fetch(`/__designer/forms/${encodeURIComponent(id)}`));
}

/** `POST /__designer/compile`: compiles the edited files in a temp project. */
export async function compileForm(request: CompileRequest, signal: AbortSignal): Promise<CompileResponse> {
  return answer<CompileResponse>(
    await fetch('/__designer/compile', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request), signal }),
  );
}

const runtimes = new Map<string, Promise<string>>();

/** `GET /__designer/runtime/<id>.js`: the runtime preview entries import (fetched once per id). */
export function fetchRuntime(id: string): Promise<string> {
  let text = runtimes.get(id);
  if (text === undefined) {
    text = fetch(`/__designer/runtime/${encodeURIComponent(id)}.js`).then(async (response) => {
      if (!response.ok) throw new DesignerApiError(response.status, `runtime ${id}: ${response.statusText}`);
      return response.text();
    });
    text.catch(() => runtimes.delete(id));
    runtimes.set(id, text);
  }
  return text;
}

/** `GET /__designer/widget/<versionId>.js`: a version's self-contained module, as `yibiao build` bundles it. */
export async function fetchWidget(versionId: string): Promise<string> {
  const response = await fetch(`/__designer/widget/${encodeURIComponent(versionId)}.js`);
  if (!response.ok) throw new DesignerApiError(response.status, ((await response.json()) as ApiError).error);
  return response.text();
}
