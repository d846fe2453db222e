import type { FormExample } from '../../../src/designer-api/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { h, replaceChildren } from '../ui/dom.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { type ExampleVerdict, exampleVerdict } from './example-verdict.js';

/** The examples panel. */
export interface ExamplesPanel {
  readonly element: HTMLElement;
  /** The form's examples (from `forms/<id>/examples/`). */
  setExamples(examples: readonly FormExample[]): void;
  /** The latest compiled version, against which the loaded example is checked. */
  setForm(form: CompiledForm | undefined): void;
}

/**
 * Loads a valid or invalid example of the form into the preview (showing its
 * problems there) and shows the expected verdict — valid, or the expected
 * path, keyword and code — beside the compiled validator's actual issues.
 *
 * @param load - puts the example's data into the preview.
 */
export function createExamplesPanel(load: (example: FormExample) => void): ExamplesPanel {
  const select = h('select', { id: 'example-select' });
  const label = tx(h('label', { for: 'example-select' }), 'example');
  const button = tx(h('button', { type: 'button', id: 'example-load' }), 'loadExample');
  const result = h('div', { class: 'example-result', 'aria-live': 'polite' });
  const element = h('div', { class: 'inspector-body' }, h('div', { class: 'row' }, label, select, button), result);
  let examples: readonly FormExample[] = [];
  let form: CompiledForm | undefined;
  let loaded: FormExample | undefined;

  const renderOptions = () => {
    const group = (kind: FormExample['kind']) =>
      h(
        'optgroup',
        { label: t(kind === 'valid' ? 'validExamples' : 'invalidExamples') },
        ...examples.filter((e) => e.kind === kind).map((e) => h('option', { value: e.file }, `${e.file.replace(/^(in)?valid\//, '')}${e.rule === undefined ? '' : ` — ${e.rule}`}`)),
      );
    const chosen = select.value;
    replaceChildren(select, group('valid'), group('invalid'));
    if (examples.some((e) => e.file === chosen)) select.value = chosen;
    select.disabled = examples.length === 0;
    button.disabled = examples.length === 0;
  };

  const cell = (text: string) => h('td', {}, text);
  const renderVerdict = (example: FormExample, verdict: ExampleVerdict) => {
    const lang = uiLang.get();
    replaceChildren(
      result,
      h('p', { class: verdict.asExpected ? 'good example-verdict' : 'bad example-verdict', 'data-as-expected': String(verdict.asExpected) }, verdict.asExpected ? t('verdictMatches') : t('verdictDiffers')),
      example.description === undefined ? null : h('p', {}, example.description),
      example.rule === undefined ? null : h('p', {}, h('strong', {}, `${t('rule')}: `), example.rule),
      h('p', { class: 'muted' }, t('verdictAtDate', { date: example.date ?? '—' })),
      h(
        'table',
        { class: 'grid expected' },
        h('caption', {}, `${t('expected')}: ${t(verdict.expectedValid ? 'expectValid' : 'expectInvalid')}`),
        verdict.expectations.length === 0 ? null : h('thead', {}, h('tr', {}, h('th', {}, t('path')), h('th', {}, t('keyword')), h('th', {}, t('code')), h('th', {}, ''))),
        h(
          'tbody',
          {},
          ...verdict.expectations.map((e) =>
            h('tr', { class: e.found ? 'good' : 'bad' }, h('td', {}, h('code', {}, e.path)), cell(e.keyword), cell(e.code ?? ''), cell(e.found ? `✓ ${t('found')}` : `✗ ${t('missing')}`)),
          ),
        ),
      ),
      h(
        'table',
        { class: 'grid actual' },
        h('caption', {}, `${t('actual')}: ${t(verdict.actualValid ? 'expectValid' : 'expectInvalid')}`),
        verdict.errors.length + verdict.warnings.length === 0 ? null : h('thead', {}, h('tr', {}, h('th', {}, t('path')), h('th', {}, t('keyword')), h('th', {}, t('code')), h('th', {}, t('message')))),
        h(
          'tbody',
          {},
          ...[...verdict.errors, ...verdict.warnings].map((issue) =>
            h('tr', { class: issue.severity }, h('td', {}, h('code', {}, issue.path || '/')), cell(issue.keyword), cell(issue.code), cell(issue.message[lang])),
          ),
        ),
      ),
    );
  };

  const render = () => {
    renderOptions();
    if (examples.length === 0) return replaceChildren(result, h('p', { class: 'muted' }, t('noExamples')));
    if (loaded === undefined || form === undefined) return replaceChildren(result);
    renderVerdict(loaded, exampleVerdict(form, loaded));
  };

  button.addEventListener('click', () => {
    loaded = examples.find((e) => e.file === select.value);
    if (loaded === undefined) return;
    load(loaded);
    render();
  });
  uiLang.subscribe(render);

  return {
    element,
    setExamples(list) {
      examples = list;
      loaded = undefined;
      select.value = '';
      render();
    },
    setForm(next) {
      form = next;
      render();
    },
  };
}
