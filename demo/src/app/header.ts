import { h } from '../ui/dom.js';
import { applyUiLang, tx, type UiLang, uiLang } from '../ui/i18n.js';

/**
 * The page header: the title, the form picker, the compile status and the
 * designer's language switch (the language names are written in their own language).
 *
 * @param picker - the form picker's element.
 * @param status - the compile status element.
 */
export function createHeader(picker: HTMLElement, status: HTMLElement): HTMLElement {
  const choices: readonly [UiLang, string][] = [
    ['zh-CN', '中文'],
    ['en', 'English'],
  ];
  const buttons = choices.map(([value, text]) =>
    h('button', { type: 'button', lang: value, 'data-ui-lang': value, 'aria-pressed': String(uiLang.get() === value), onclick: () => uiLang.set(value) }, text),
  );
  uiLang.subscribe((lang) => {
    document.documentElement.lang = lang;
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.uiLang === lang));
    applyUiLang(document);
  });
  const label = tx(h('span', { class: 'group-label', id: 'ui-lang-label' }), 'uiLanguage');
  return h(
    'header',
    { class: 'app-header' },
    tx(h('h1', {}), 'appTitle'),
    picker,
    status,
    h('div', { role: 'group', class: 'toggle-group', 'aria-labelledby': 'ui-lang-label' }, label, ...buttons),
  );
}
