import { type FrameRuntime, type FromFrame, frameBootstrap, type ToFrame } from './frame-bootstrap.js';

/** What a preview frame reports. */
export interface FrameHandlers {
  onChange(data: unknown): void;
  onSubmit(detail: { token: string; payload: unknown; files?: unknown }): void;
}

/**
 * The frame's document: the bootstrap script and a CSP as strict as a
 * government site's for the widget — no `unsafe-eval` and no network at all
 * (`connect-src 'none'`), so a preview that works proves the module needs neither.
 */
function frameDocument(lang: string): string {
  const bootstrap = `(${frameBootstrap.toString()})();`.replace(/<\//g, '<\\/');
  return `<!doctype html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' blob:; style-src 'unsafe-inline'; img-src blob: data:; connect-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{margin:0;padding:12px;font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#fff}</style>
</head>
<body><script type="module">${bootstrap}</script></body>
</html>`;
}

/**
 * One version of the widget, in a sandboxed iframe (scripts and forms only:
 * an opaque origin, no access to the designer). A custom element name cannot be
 * defined twice in a document, so every compiled version gets a fresh frame.
 */
export class PreviewFrame {
  readonly iframe: HTMLIFrameElement;
  readonly #handlers: FrameHandlers;
  readonly #ready: Promise<void>;
  #loaded: ((message: FromFrame & { type: 'loaded' }) => void) | undefined;
  readonly #pending = new Map<number, (data: unknown) => void>();
  #nextId = 1;
  readonly #listener = (event: MessageEvent<FromFrame>) => this.#receive(event);
  #markReady: () => void = () => undefined;

  constructor(options: { handlers: FrameHandlers; title: string; lang: string }) {
    this.#handlers = options.handlers;
    this.#ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
    this.iframe = document.createElement('iframe');
    // allow-forms: without it Chromium blocks the widget's <form> before its submit
    // event, which the widget handles (and cancels); `form-action 'none'` keeps it from going anywhere.
    this.iframe.setAttribute('sandbox', 'allow-scripts allow-forms');
    this.iframe.title = options.title;
    this.iframe.className = 'preview-frame';
    this.iframe.srcdoc = frameDocument(options.lang);
    window.addEventListener('message', this.#listener);
  }

  #receive(event: MessageEvent<FromFrame>): void {
    if (event.source !== this.iframe.contentWindow) return;
    const message = event.data;
    switch (message.type) {
      case 'ready':
        this.#markReady();
        break;
      case 'loaded':
        this.#loaded?.(message);
        break;
      case 'data':
        this.#pending.get(message.id)?.(message.data);
        this.#pending.delete(message.id);
        break;
      case 'change':
        this.#handlers.onChange(message.data);
        break;
      case 'submit':
        this.#handlers.onSubmit(message);
        break;
    }
  }

  #send(message: ToFrame): void {
    this.iframe.contentWindow?.postMessage(message, '*');
  }

  /** Loads the shared runtime ahead of the version that will need it (the frame must be in the document). */
  async preload(runtime: FrameRuntime): Promise<void> {
    await this.#ready;
    this.#send({ type: 'runtime', runtime });
  }

  /**
   * Loads a version's entry module (after its runtime) and shows its element
   * with `data`. The iframe must be in the document.
   *
   * @returns the element's data once it rendered.
   * @throws when a module fails to load or define the element.
   */
  async load(options: { runtime: FrameRuntime; entry: string; tag: string; lang: string; data: unknown }): Promise<unknown> {
    await this.#ready;
    const loaded = new Promise<FromFrame & { type: 'loaded' }>((resolve) => {
      this.#loaded = resolve;
    });
    this.#send({ type: 'load', ...options });
    const result = await loaded;
    if (!result.ok) throw new Error(result.error);
    return result.data;
  }

  /** The element's current data, or `undefined` when the frame does not answer in time. */
  getData(timeoutMs = 300): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#send({ type: 'get-data', id });
      setTimeout(() => {
        if (this.#pending.delete(id)) resolve(undefined);
      }, timeoutMs);
    });
  }

  setLang(lang: string): void {
    this.#send({ type: 'set-lang', lang });
  }

  /** Replaces the data; with `validate`, shows every problem as after a submit attempt. */
  setData(data: unknown, options: { validate: boolean }): void {
    this.#send({ type: 'set-data', data, validate: options.validate });
  }

  dispose(): void {
    window.removeEventListener('message', this.#listener);
    this.iframe.remove();
  }
}
