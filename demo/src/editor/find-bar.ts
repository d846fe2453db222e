import type { EditorView } from '@codemirror/view';
import { h } from '../ui/dom.js';
import { t, tx } from '../ui/i18n.js';

/** The editor's find bar. */
export interface FindBar {
  readonly element: HTMLElement;
  open(): void;
  close(): void;
}

/** Offsets of every occurrence of `needle` in `text`. */
export function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) found.push(at);
  return found;
}

/**
 * A find bar (the project has no @codemirror/search): Enter selects the next
 * occurrence, Shift+Enter the previous, Escape closes the bar and returns to
 * the editor with the occurrence selected, so typing replaces it.
 *
 * @param view - the editor view searched.
 */
export function createFindBar(view: () => EditorView): FindBar {
  const input = h('input', { type: 'search', class: 'find-input', 'data-i18n-aria-label': 'find', 'data-i18n-placeholder': 'findPlaceholder', 'aria-label': t('find'), placeholder: t('findPlaceholder') });
  const status = h('span', { class: 'find-status', role: 'status' });
  const element = h('div', { class: 'find-bar', role: 'search', hidden: true });

  const go = (direction: 1 | -1) => {
    const editor = view();
    const needle = input.value;
    const found = occurrences(editor.state.doc.toString(), needle);
    if (found.length === 0) {
      status.textContent = needle === '' ? '' : t('notFound');
      return;
    }
    const { from, to } = editor.state.selection.main;
    const index = direction === 1 ? found.findIndex((at) => (from === to ? at >= from : at > from)) : found.findLastIndex((at) => at < from);
    const chosen = index === -1 ? (direction === 1 ? 0 : found.length - 1) : index;
    const at = found[chosen] ?? 0;
    editor.dispatch({ selection: { anchor: at, head: at + needle.length }, scrollIntoView: true, userEvent: 'select.search' });
    status.textContent = t('matchOf', { n: chosen + 1, total: found.length });
  };
  const close = () => {
    element.hidden = true;
    view().focus();
  };

  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      go(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('input', () => {
    status.textContent = '';
  });
  element.append(
    input,
    tx(h('button', { type: 'button', onclick: () => go(-1) }), 'findPrevious'),
    tx(h('button', { type: 'button', onclick: () => go(1) }), 'findNext'),
    status,
    tx(h('button', { type: 'button', onclick: close }), 'close'),
  );
  return {
    element,
    open() {
      element.hidden = false;
      input.focus();
      input.select();
    },
    close,
  };
}
