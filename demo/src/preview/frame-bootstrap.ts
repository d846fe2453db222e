/**
 * The messages between the designer page and its sandboxed preview frame.
 * The frame has an opaque origin (`sandbox="allow-scripts allow-forms"`, SECURITY.md §1
 * "demo previews in a sandboxed iframe"), so everything crosses as
 * structured-cloned messages; the page checks `event.source`.
 */
export type ToFrame =
  | { readonly type: 'runtime'; readonly runtime: FrameRuntime }
  | { readonly type: 'load'; readonly runtime: FrameRuntime; readonly entry: string; readonly tag: string; readonly lang: string; readonly data: unknown }
  | { readonly type: 'get-data'; readonly id: number }
  | { readonly type: 'set-lang'; readonly lang: string }
  | { readonly type: 'set-data'; readonly data: unknown; readonly validate: boolean };

/** The shared runtime a preview entry imports, and the specifier it imports it by. */
export interface FrameRuntime {
  readonly id: string;
  readonly source: string;
  readonly specifier: string;
}

/** Messages from the frame. */
export type FromFrame =
  | { readonly type: 'ready' }
  | { readonly type: 'loaded'; readonly ok: true; readonly data: unknown }
  | { readonly type: 'loaded'; readonly ok: false; readonly error: string }
  | { readonly type: 'data'; readonly id: number; readonly data: unknown }
  | { readonly type: 'change'; readonly data: unknown }
  | { readonly type: 'submit'; readonly token: string; readonly payload: unknown; readonly files?: unknown };

interface PreviewElement extends HTMLElement {
  data: unknown;
  allowCrossOriginFrame?: boolean;
  validate(): unknown;
  readonly updateComplete?: Promise<unknown>;
}

/**
 * Runs inside the preview frame; serialised into its `srcdoc` with
 * `Function.prototype.toString`, so it must not refer to anything outside
 * itself. It turns the modules it is sent into blob URLs of its own origin (a
 * blob URL of the page's origin cannot be loaded from an opaque origin): the
 * shared runtime once — ahead of time, while the frame waits as the spare —
 * then the version's entry, whose runtime import is pointed at that URL. It
 * creates the element with the data and reports changes and submissions.
 */
export function frameBootstrap(): void {
  let element: PreviewElement | undefined;
  const post = (message: FromFrame) => {
    try {
      window.parent.postMessage(message, '*');
    } catch {
      // Files that cannot be cloned: send the submission without them.
      if (message.type === 'submit') window.parent.postMessage({ type: 'submit', token: message.token, payload: message.payload }, '*');
    }
  };
  const runtimes = new Map<string, Promise<string>>();
  const loadModule = (url: string) =>
    new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.type = 'module';
      script.src = url;
      const onError = (event: ErrorEvent) => reject(new Error(event.message));
      window.addEventListener('error', onError, { once: true });
      script.onload = () => {
        window.removeEventListener('error', onError);
        resolve();
      };
      script.onerror = () => reject(new Error('the module did not load'));
      document.head.append(script);
    });
  const blobUrl = (source: string) => URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
  /** Loads a runtime once; its URL stays valid, so every entry importing it shares the one instance. */
  const runtimeUrl = (runtime: FrameRuntime): Promise<string> => {
    let url = runtimes.get(runtime.id);
    if (url === undefined) {
      const created = blobUrl(runtime.source);
      url = loadModule(created).then(() => created);
      runtimes.set(runtime.id, url);
    }
    return url;
  };

  window.addEventListener('message', async (event: MessageEvent<ToFrame>) => {
    if (event.source !== window.parent) return;
    const message = event.data;
    if (message.type === 'runtime') {
      runtimeUrl(message.runtime).catch(() => undefined);
    } else if (message.type === 'load') {
      try {
        const runtime = await runtimeUrl(message.runtime);
        const entry = blobUrl(message.entry.split(JSON.stringify(message.runtime.specifier)).join(JSON.stringify(runtime)));
        await loadModule(entry);
        URL.revokeObjectURL(entry);
        await customElements.whenDefined(message.tag);
        const created = document.createElement(message.tag) as PreviewElement;
        created.setAttribute('lang', message.lang);
        // No drafts: the designer carries the data from version to version itself (and an opaque origin has no IndexedDB).
        created.setAttribute('no-draft', '');
        // The sandbox makes this frame another origin than the designer; the designer is the
        // host that framed it on purpose, so it opts in to submitting (SECURITY.md §2 "Host").
        created.allowCrossOriginFrame = true;
        created.data = message.data;
        created.addEventListener('yibiao-change', () => post({ type: 'change', data: created.data }));
        created.addEventListener('yibiao-submit', (e) => {
          const detail = (e as CustomEvent<{ token: string; payload: unknown; files?: unknown }>).detail;
          post({ type: 'submit', token: detail.token, payload: detail.payload, files: detail.files });
        });
        document.body.replaceChildren(created);
        element = created;
        await created.updateComplete;
        post({ type: 'loaded', ok: true, data: created.data });
      } catch (error) {
        post({ type: 'loaded', ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    } else if (message.type === 'get-data') {
      post({ type: 'data', id: message.id, data: element?.data });
    } else if (message.type === 'set-lang') {
      element?.setAttribute('lang', message.lang);
    } else if (message.type === 'set-data' && element !== undefined) {
      element.data = message.data;
      if (message.validate) element.validate();
      post({ type: 'change', data: element.data });
    }
  });
  post({ type: 'ready' });
}
