/**
 * Browser helpers of the security suite: host pages in frames with their CSP
 * violations and errors recorded from the first moment, resource requests
 * observed, and a structural snapshot of a shadow root (elements, attributes,
 * text) to prove that hostile strings added no node.
 */
import type { FormModel } from '../../src/ir/types.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { ok, waitFor } from '../e2e/assert.js';
import { XSS_FLAG } from './payloads.js';

/** The script @web/dev-server adds to each HTML page it serves (live reload), unknown to a real host page. */
const DEV_SERVER_SCRIPT = '/__web-dev-server__web-socket.js';

/** A host page loaded in a frame of the test page. */
export interface HostFrame {
  readonly frame: HTMLIFrameElement;
  readonly win: Window & typeof globalThis;
  readonly doc: Document;
  /** `violatedDirective blockedURI sample` of each `securitypolicyviolation`. */
  readonly violations: string[];
  /** Messages of uncaught errors and unhandled rejections in the page. */
  readonly errors: string[];
  remove(): void;
}

/**
 * Loads `url` in a new iframe and records CSP violations and errors from the
 * framed document's very start (polling for it to replace about:blank, as the
 * e2e test does), before its module scripts run.
 */
export async function openFrame(url: string, options: { readonly width?: number } = {}): Promise<HostFrame> {
  const frame = document.createElement('iframe');
  frame.src = url;
  frame.style.width = `${options.width ?? 1000}px`;
  frame.style.height = '700px';
  document.body.append(frame);
  const path = new URL(url, location.href).pathname;
  const doc = await waitFor(() => {
    const d = frame.contentDocument;
    return d !== null && new URL(d.URL).pathname === path ? d : undefined;
  }, `the framed document ${url}`, 15_000);
  const violations: string[] = [];
  const errors: string[] = [];
  doc.addEventListener('securitypolicyviolation', (e) => {
    // The test server injects its own unnonced <script src="/__web-dev-server__web-socket.js">
    // into every HTML page it serves; a nonce policy blocks it. It is not the widget's.
    if (e.blockedURI.endsWith(DEV_SERVER_SCRIPT)) return;
    violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
  });
  const win = frame.contentWindow as Window & typeof globalThis;
  win.addEventListener('error', (e) => {
    errors.push(e.message);
  });
  win.addEventListener('unhandledrejection', (e) => {
    errors.push(String((e.reason as Error)?.message ?? e.reason));
  });
  return { frame, win, doc, violations, errors, remove: () => frame.remove() };
}

/** Waits until `tag` in the frame has upgraded and rendered its `<form>`. */
export async function renderedIn<T extends HTMLElement>(host: HostFrame, tag: string, timeout = 15_000): Promise<T> {
  return waitFor(() => {
    const el = host.doc.querySelector(tag);
    return el?.shadowRoot?.querySelector('form') ? (el as T) : undefined;
  }, `<${tag}> upgraded and rendered`, timeout);
}

/** An element with Lit's update promise. */
export interface Updating extends HTMLElement {
  readonly updateComplete: Promise<boolean>;
}

/** The built Shandong form as served: model, standalone validator, and the data of one valid example. */
export interface ShandongForm {
  readonly model: FormModel;
  readonly validate: CompiledValidateFunction;
  readonly example: Record<string, unknown>;
}

/** Fetches dist/forms/shandong/{model.json,validator.js} and the example `valid/one-service-pension.json`. */
export async function loadShandong(): Promise<ShandongForm> {
  const model = (await (await fetch('/dist/forms/shandong/model.json')).json()) as FormModel;
  const validate = ((await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction }).validate;
  const example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
  return { model, validate, example };
}

/**
 * Appends a new `<tag no-draft>` to the body (no draft, so one test's never
 * fills the next), with `data` when given, and waits for its first render.
 */
export async function mountForm(tag: string, data?: Record<string, unknown>): Promise<YibiaoFormElement> {
  const el = document.createElement(tag) as YibiaoFormElement;
  el.setAttribute('no-draft', '');
  document.body.append(el);
  if (data !== undefined) el.data = data;
  await el.updateComplete;
  return el;
}

/** Waits for the element's update, a frame, and its update again. */
export async function settle(el: Updating, win: Window = window): Promise<void> {
  await el.updateComplete;
  await new Promise((resolve) => win.requestAnimationFrame(() => resolve(undefined)));
  await el.updateComplete;
}

/**
 * The structure of a subtree as lines: each element with its sorted
 * attributes, each text node's data. Comments (Lit's markers) are left out.
 */
export function snapshot(root: Node): string[] {
  const out: string[] = [];
  const walk = (node: Node): void => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        const attributes = [...el.attributes].map((a) => `${a.name}=${JSON.stringify(a.value)}`).sort();
        out.push(`<${el.localName}${attributes.length > 0 ? ` ${attributes.join(' ')}` : ''}>`);
        walk(el);
        out.push(`</${el.localName}>`);
      } else if (child.nodeType === Node.TEXT_NODE) {
        out.push(`#text ${JSON.stringify((child as Text).data)}`);
      }
    }
  };
  walk(root);
  return out;
}

/** Elements that would mean markup was parsed. */
export const ACTIVE_ELEMENTS = 'img, svg, iframe, script, object, embed, style, link, base, meta, frame, frameset';

/** Fails when a payload ran (`window.__yibiaoXss` set) in this window or the given one. */
export async function expectNothingRan(win: Window = window): Promise<void> {
  // An <img onerror> fires after its load fails: give it the time to.
  await new Promise((resolve) => setTimeout(resolve, 30));
  ok((win as unknown as Record<string, unknown>)[XSS_FLAG] === undefined, 'a payload ran');
  ok((window as unknown as Record<string, unknown>)[XSS_FLAG] === undefined, 'a payload ran in the test page');
}

/** Every resource the window fetched so far (scripts, fetch/XHR, images, fonts…), by URL. */
export function resourcesOf(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((e) => e.name);
}

/** Polls an async check until it holds (e.g. an IndexedDB read). */
export async function eventually(check: () => Promise<boolean>, what: string, timeout = 10_000): Promise<void> {
  const start = performance.now();
  for (;;) {
    if (await check()) return;
    if (performance.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
