import { h, replaceChildren } from '../ui/dom.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import type { Placement } from './diagnostic-ranges.js';
import type { PlacedDiagnostic } from './schema-editor.js';

/** The list of every diagnostic of the last compile. */
export interface ProblemsPanel {
  readonly element: HTMLElement;
  show(problems: readonly PlacedDiagnostic[]): void;
}

/**
 * Lists every diagnostic of the last compile — also those in no edited file
 * (forms/common, the base form) — with its code, file, line, pointer, message
 * and fix; a problem in an edited file has a button that shows it in the editor.
 *
 * @param reveal - shows a placement in the editor.
 */
export function createProblemsPanel(reveal: (placement: Placement) => void): ProblemsPanel {
  const summary = h('span', { class: 'problem-summary', role: 'status' });
  const list = h('ul', { class: 'problem-list' });
  const element = h('section', { class: 'panel problems', 'aria-labelledby': 'problems-heading' }, h('div', { class: 'panel-head' }, tx(h('h3', { id: 'problems-heading' }), 'problems'), summary), list);
  let last: readonly PlacedDiagnostic[] = [];

  const render = () => {
    const errors = last.filter((p) => p.diagnostic.severity === 'error').length;
    summary.textContent = last.length === 0 ? t('noProblems') : t('problemCount', { errors, warnings: last.length - errors });
    summary.className = `problem-summary ${errors > 0 ? 'has-errors' : ''}`;
    const lang = uiLang.get();
    replaceChildren(
      list,
      ...last.map(({ diagnostic: d, placement }) =>
        h(
          'li',
          { class: `problem ${d.severity}` },
          h('div', { class: 'problem-head' }, h('span', { class: 'severity' }, d.severity === 'error' ? '✗' : '!'), h('code', {}, d.code), h('span', { class: 'where' }, `${d.file}${d.line === undefined ? '' : `:${d.line}`} #${d.pointer}`)),
          h('div', {}, d.message[lang]),
          h('div', { class: 'fix' }, `${t('fix')}: ${d.fix}`),
          placement === undefined
            ? h('div', { class: 'muted' }, t('notInEditor'))
            : h('button', { type: 'button', class: 'small link', onclick: () => reveal(placement) }, t('showInEditor')),
        ),
      ),
    );
  };
  uiLang.subscribe(render);
  render();
  return {
    element,
    show(problems) {
      last = problems;
      render();
    },
  };
}
