/**
 * A small harness over one mounted form element: find controls in its shadow
 * root by ID, type and press keys like a person (real key events through
 * @web/test-runner-commands), tick, pick files, wait for renders and events.
 */
import { sendKeys } from '@web/test-runner-commands';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import { ok, waitFor } from '../e2e/assert.js';
import { pick } from './fixtures/files.js';

export class FormHarness {
  constructor(readonly el: YibiaoFormElement) {}

  /** Creates the element, sets attributes, appends it to the page and waits for its first render. */
  static async mount(tag: string, attributes: Readonly<Record<string, string>> = {}): Promise<FormHarness> {
    const node = document.createElement(tag) as YibiaoFormElement;
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    document.body.append(node);
    await node.updateComplete;
    return new FormHarness(node);
  }

  get root(): ShadowRoot {
    const shadow = this.el.shadowRoot;
    ok(shadow, 'the element has an open shadow root');
    return shadow;
  }

  $(selector: string): HTMLElement | null {
    return this.root.querySelector<HTMLElement>(selector);
  }

  $$(selector: string): HTMLElement[] {
    return [...this.root.querySelectorAll<HTMLElement>(selector)];
  }

  control(id: string): HTMLInputElement {
    const node = this.root.getElementById(id);
    ok(node, `control #${id} is rendered`);
    return node as HTMLInputElement;
  }

  select(id: string): HTMLSelectElement {
    return this.control(id) as unknown as HTMLSelectElement;
  }

  async settle(): Promise<void> {
    await this.el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
    await this.el.updateComplete;
  }

  async type(id: string, text: string): Promise<void> {
    this.control(id).focus();
    await sendKeys({ type: text });
    await this.settle();
  }

  /** Sets a text control's value and fires `input`, without key events (for tests about what happens after typing). */
  async fill(id: string, text: string): Promise<void> {
    const input = this.control(id);
    input.value = `${input.value}${text}`;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await this.settle();
  }

  async press(key: string): Promise<void> {
    await sendKeys({ press: key });
    await this.settle();
  }

  async tick(id: string): Promise<void> {
    this.control(id).click();
    await this.settle();
  }

  /** Chooses an option of a select by value, as a change by the person. */
  async choose(id: string, value: string): Promise<void> {
    const select = this.select(id);
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await this.settle();
  }

  /** Picks files on a file input and waits until they were inspected. */
  async pick(id: string, files: readonly File[]): Promise<void> {
    const changed = this.next('yibiao-change');
    pick(this.control(id), files);
    await changed;
    await this.settle();
  }

  errorOf(id: string): string | undefined {
    return this.root.getElementById(`${id}-error`)?.textContent?.replace(/\s+/g, ' ').trim();
  }

  /** The next event of a type from the element. */
  next<K extends keyof HTMLElementEventMap>(type: K, timeout = 10_000): Promise<HTMLElementEventMap[K]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
      this.el.addEventListener(
        type,
        (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        { once: true },
      );
    });
  }

  /** The section keys on screen, in order. */
  sections(): string[] {
    return this.$$('fieldset[data-section]').map((s) => s.dataset.section ?? '');
  }

  async waitFor<T>(check: () => T | undefined | null | false, what: string): Promise<T> {
    return waitFor(check, what);
  }
}
