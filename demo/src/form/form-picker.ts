import { FORM_ID, type FormSummary } from '../../../src/designer-api/types.js';
import { h } from '../ui/dom.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { type MenuButton, menuButton } from '../ui/menu-button.js';

/** The form picker. */
export interface FormPicker {
  readonly element: HTMLElement;
  /** The forms that exist (under forms/, and new ones made here). */
  setForms(forms: readonly FormSummary[]): void;
  /** Marks the form being edited. */
  setCurrent(id: string): void;
}

const NEW_FORM = '__new__';

/**
 * A menu button listing every form under `forms/` (and forms made from the
 * template in this session), with "New form from template…", which asks for
 * the new form's id in a modal dialog (Escape cancels).
 *
 * @param options - what picking a form, or creating one, does.
 */
export function createFormPicker(options: { onPick(id: string): void; onCreate(id: string): void }): FormPicker {
  let forms: readonly FormSummary[] = [];
  let current = '';
  const menu: MenuButton = menuButton('form-picker', (id) => (id === NEW_FORM ? openDialog() : options.onPick(id)));

  const input = h('input', { id: 'new-form-id', type: 'text', required: true, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': 'new-form-hint new-form-error' });
  const error = h('p', { id: 'new-form-error', class: 'bad', role: 'alert' });
  const form = h(
    'form',
    { method: 'dialog' },
    tx(h('h2', { id: 'new-form-title' }), 'newFormTitle'),
    tx(h('p', { id: 'new-form-hint', class: 'muted' }), 'newFormHint'),
    h('div', { class: 'field' }, tx(h('label', { for: 'new-form-id' }), 'formId'), input),
    error,
    h('div', { class: 'row' }, tx(h('button', { type: 'submit', value: 'create', class: 'primary' }), 'create'), tx(h('button', { type: 'button', onclick: () => dialog.close() }), 'cancel')),
  );
  const dialog = h('dialog', { 'aria-labelledby': 'new-form-title' }, form);
  form.addEventListener('submit', (event) => {
    const id = input.value.trim();
    const problem = !FORM_ID.test(id) || id === 'common' ? t('idInvalid') : forms.some((f) => f.id === id) ? t('idTaken') : '';
    if (problem !== '') {
      event.preventDefault();
      error.textContent = problem;
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      return;
    }
    options.onCreate(id);
  });
  dialog.addEventListener('close', () => menu.button.focus());

  function openDialog(): void {
    input.value = '';
    error.textContent = '';
    input.removeAttribute('aria-invalid');
    dialog.showModal();
    input.focus();
  }

  const render = () => {
    const lang = uiLang.get();
    const title = (f: FormSummary) => f.title[lang];
    const chosen = forms.find((f) => f.id === current);
    menu.setLabel(chosen === undefined ? t('form') : `${chosen.id} — ${title(chosen)}`);
    menu.setItems([
      ...forms.map((f) => ({
        id: f.id,
        label: `${f.id} — ${title(f)}`,
        checked: f.id === current,
        ...(f.extends === undefined ? {} : { detail: t('extendsBase', { base: f.extends }) }),
      })),
      { id: NEW_FORM, label: t('newFromTemplate'), separated: true },
    ]);
  };
  uiLang.subscribe(render);

  const label = tx(h('span', { class: 'group-label' }), 'form');
  return {
    element: h('div', { class: 'form-picker' }, label, menu.element, dialog),
    setForms(list) {
      forms = list;
      render();
    },
    setCurrent(id) {
      current = id;
      render();
    },
  };
}
