/** What {@link h} accepts as a child: nodes, and strings that become text nodes (never markup). */
export type Child = Node | string | null | undefined | false;

/** Attributes and listeners of {@link h}: `on<event>` keys are listeners, `true` sets a boolean attribute. */
export type Props = Readonly<Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>>;

/**
 * Creates an element. Strings become text nodes, so text from a schema is
 * always shown as text: nothing here parses markup (SECURITY.md §2 "XSS").
 *
 * @param tag - the element name.
 * @param props - attributes (`class`, `aria-*`, …) and `on<event>` listeners.
 * @param children - child nodes or text.
 * @example
 * h('button', { type: 'button', onclick: () => save() }, '保存')
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children (strings as text nodes). */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Formats JSON for display. */
export function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}
