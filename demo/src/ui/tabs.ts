import { h } from './dom.js';

/** One tab of a {@link tabList}. */
export interface TabSpec {
  readonly id: string;
  /** The tab's label element (e.g. made with `tx`, so it follows the language). */
  readonly label: Node;
  readonly panel: HTMLElement;
}

/** Options of {@link tabList}. */
export interface TabListOptions {
  /** Called after a tab is selected. */
  readonly onSelect?: (id: string) => void;
  /**
   * Makes each panel a tab stop (APG: for panels that may hold nothing
   * focusable). Off for panels whose content is itself focusable (the editor).
   */
  readonly focusablePanels?: boolean;
}

/** A tab list: its element, and a way to select a tab by id. */
export interface TabList {
  readonly element: HTMLElement;
  select(id: string, options?: { focus?: boolean }): void;
  selected(): string;
}

/**
 * An ARIA tab list (WAI-ARIA APG "Tabs, automatic activation"): one tab stop,
 * arrow keys, Home and End move between tabs, each tab controls its panel.
 *
 * @param name - id prefix and accessible name holder.
 * @param tabs - the tabs in order.
 * @param options - selection callback; whether panels are tab stops.
 */
export function tabList(name: string, tabs: readonly TabSpec[], options: TabListOptions = {}): TabList {
  const { onSelect = () => undefined, focusablePanels = true } = options;
  const element = h('div', { role: 'tablist', class: 'tabs' });
  let current = tabs[0]?.id ?? '';
  const buttons = new Map<string, HTMLButtonElement>();
  const select = (id: string, options: { focus?: boolean } = {}) => {
    if (!buttons.has(id)) return;
    current = id;
    for (const tab of tabs) {
      const on = tab.id === id;
      const button = buttons.get(tab.id);
      button?.setAttribute('aria-selected', String(on));
      button?.setAttribute('tabindex', on ? '0' : '-1');
      tab.panel.hidden = !on;
    }
    if (options.focus) buttons.get(id)?.focus();
    onSelect(id);
  };
  for (const tab of tabs) {
    const button = h('button', {
      type: 'button',
      role: 'tab',
      id: `${name}-tab-${tab.id}`,
      'aria-controls': `${name}-panel-${tab.id}`,
      'data-tab': tab.id,
      onclick: () => select(tab.id),
    });
    button.append(tab.label);
    tab.panel.id = `${name}-panel-${tab.id}`;
    tab.panel.setAttribute('role', 'tabpanel');
    tab.panel.setAttribute('aria-labelledby', button.id);
    if (focusablePanels) tab.panel.tabIndex = 0;
    buttons.set(tab.id, button);
    element.append(button);
  }
  element.addEventListener('keydown', (event) => {
    const ids = tabs.map((t) => t.id);
    const index = ids.indexOf(current);
    const next =
      event.key === 'ArrowRight' ? ids[(index + 1) % ids.length]
      : event.key === 'ArrowLeft' ? ids[(index - 1 + ids.length) % ids.length]
      : event.key === 'Home' ? ids[0]
      : event.key === 'End' ? ids.at(-1)
      : undefined;
    if (next === undefined) return;
    event.preventDefault();
    select(next, { focus: true });
  });
  select(current);
  return { element, select, selected: () => current };
}
