/**
 * Helpers for a form living in an iframe (a host page with its own CSP):
 * wait for the document and the element, collect CSP violations from the
 * first moment, pick files with the frame's own DataTransfer.
 */
import { waitFor } from './assert.js';

/** A rendered form element in a frame. */
export interface FramedForm {
  readonly frame: HTMLIFrameElement;
  readonly win: Window & typeof globalThis;
  readonly host: HTMLElement & { updateComplete: Promise<boolean>; data: Record<string, unknown>; submit(): Promise<unknown>; validate(): { valid: boolean; errors: { path: string; code: string }[] } };
  readonly shadow: ShadowRoot;
  readonly violations: string[];
}

/**
 * Loads `src` in a new iframe (or reloads `reuse`), listens for CSP violations
 * before any script of the page runs, and waits for `tag` to render its form.
 */
export async function openFramed(src: string, tag: string, reuse?: FramedForm): Promise<FramedForm> {
  const frame = reuse?.frame ?? document.createElement('iframe');
  const violations = reuse?.violations ?? [];
  const previous = reuse?.frame.contentDocument;
  if (reuse === undefined) {
    frame.src = src;
    frame.style.width = '1000px';
    frame.style.height = '800px';
    document.body.append(frame);
  } else {
    reuse.win.location.reload();
  }
  const doc = await waitFor(() => {
    const d = frame.contentDocument;
    return d !== null && d !== previous && d.URL.endsWith(src) ? d : undefined;
  }, `the framed document ${src}`, 15_000);
  doc.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  const host = await waitFor(() => {
    const el = frame.contentDocument?.querySelector(tag);
    return el?.shadowRoot?.querySelector('form') ? el : undefined;
  }, `<${tag}> upgraded and rendered`, 15_000);
  const win = frame.contentWindow as Window & typeof globalThis;
  return { frame, win, host: host as FramedForm['host'], shadow: host.shadowRoot as ShadowRoot, violations };
}

/** Settles a framed element: its update and one frame of the frame's window. */
export async function settleFramed(f: FramedForm): Promise<void> {
  await f.host.updateComplete;
  await new Promise((resolve) => f.win.requestAnimationFrame(() => resolve(undefined)));
  await f.host.updateComplete;
}

/** Picks a file on a file input inside the frame, built in the frame's realm. */
export function pickFramed(f: FramedForm, input: HTMLInputElement, bytes: Uint8Array, name: string): void {
  const transfer = new f.win.DataTransfer();
  transfer.items.add(new f.win.File([bytes as Uint8Array<ArrayBuffer>], name));
  input.files = transfer.files;
  input.dispatchEvent(new f.win.Event('change', { bubbles: true }));
}
