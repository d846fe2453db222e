import { h } from './dom.js';

/** One item of a {@link menuButton}. */
export interface MenuItem {
  readonly id: string;
  /** Text of the item (set as text, never markup). */
  readonly label: string;
  readonly detail?: string;
  readonly checked?: boolean;
  /** Draws a separator above the item. */
  readonly separated?: boolean;
}

/** A menu button: its element, and a way to set the button's text and the items. */
export interface MenuButton {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  setLabel(text: string): void;
  setItems(items: readonly MenuItem[]): void;
  close(options?: { focus?: boolean }): void;
}

/**
 * A menu button (WAI-ARIA APG "Menu Button"): Enter, Space or ArrowDown open
 * the menu on its first item, arrows, Home and End move, Enter chooses,
 * Escape closes it and returns focus to the button, Tab closes it.
 *
 * @param id - id of the button; the menu is `<id>-menu`.
 * @param onChoose - called with the chosen item's id.
 */
export function menuButton(id: string, onChoose: (itemId: string) => void): MenuButton {
  const label = h('span', { class: 'menu-label' });
  const button = h('button', { type: 'button', id, class: 'menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': `${id}-menu` }, label, h('span', { 'aria-hidden': 'true' }, ' ▾'));
  const menu = h('ul', { role: 'menu', id: `${id}-menu`, class: 'menu', 'aria-labelledby': id, hidden: true });
  const element = h('div', { class: 'menu-wrap' }, button, menu);
  const items = (): HTMLElement[] => [...menu.querySelectorAll<HTMLElement>('[role^="menuitem"]')];

  const open = (focus: 'first' | 'last') => {
    menu.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    const list = items();
    (focus === 'first' ? list[0] : list.at(-1))?.focus();
  };
  const close = (options: { focus?: boolean } = {}) => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (options.focus) button.focus();
  };
  const choose = (itemId: string) => {
    close({ focus: true });
    onChoose(itemId);
  };

  button.addEventListener('click', () => (menu.hidden ? open('first') : close()));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      open(event.key === 'ArrowDown' ? 'first' : 'last');
    }
  });
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => list[(to + list.length) % list.length]?.focus();
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(list.length - 1);
    else if (event.key === 'Escape') close({ focus: true });
    else if (event.key === 'Tab') close();
    else if (event.key === 'Enter' || event.key === ' ') {
      const itemId = list[index]?.dataset.item;
      if (itemId !== undefined) choose(itemId);
    } else return;
    event.preventDefault();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!menu.hidden && !element.contains(event.target as Node)) close();
  });

  return {
    element,
    button,
    setLabel(text) {
      label.textContent = text;
    },
    setItems(list) {
      menu.replaceChildren(
        ...list.map((item) =>
          h(
            'li',
            {
              role: item.checked === undefined ? 'menuitem' : 'menuitemradio',
              'aria-checked': item.checked === undefined ? undefined : String(item.checked),
              tabindex: '-1',
              class: item.separated ? 'separated' : undefined,
              'data-item': item.id,
              onclick: () => choose(item.id),
            },
            h('span', {}, item.label),
            item.detail === undefined ? null : h('span', { class: 'menu-detail' }, item.detail),
          ),
        ),
      );
    },
    close,
  };
}
