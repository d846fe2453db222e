import type { RJSFSchema } from '@rjsf/utils';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { toIssues, validateData } from '../../../src/runtime/validate.js';
import type { ReferenceValidator } from '../reference/rjsf-validator.js';
import { h, replaceChildren } from '../ui/dom.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { compareIssues, type Parity } from './compare-issues.js';

/** The parity panel. */
export interface ParityPanel {
  readonly element: HTMLElement;
  /** Compares both validators on `data` (the data that would be submitted). */
  update(input: { form: CompiledForm; schema: Record<string, unknown>; reference: ReferenceValidator; data: unknown } | undefined): void;
}

/**
 * Lists every field or rule where the compiled validator and rjsf's validator
 * (ajv8 + the yibiao plugin) disagree on the current data: both verdicts are
 * turned into issues by the runtime's `toIssues` and compared by path and code.
 */
export function createParityPanel(): ParityPanel {
  const body = h('div', { class: 'parity-body', 'aria-live': 'polite' });
  const element = h('div', { class: 'inspector-body' }, tx(h('p', { class: 'muted' }), 'parityIntro'), body);
  let last: Parity | undefined;
  let failure: string | undefined;

  const verdict = (name: 'ours' | 'rjsf', side: Parity['ours']) =>
    h('li', {}, h('strong', {}, t(name)), `: ${side.valid ? t('valid') : t('invalid')} (${side.count})`);

  const render = () => {
    if (failure !== undefined) return replaceChildren(body, h('p', { class: 'bad' }, failure));
    if (last === undefined) return replaceChildren(body, h('p', { class: 'muted' }, t('parityUnavailable')));
    const lang = uiLang.get();
    const { disagreements } = last;
    replaceChildren(
      body,
      h('ul', { class: 'verdicts' }, verdict('ours', last.ours), verdict('rjsf', last.rjsf)),
      h(
        'p',
        { class: disagreements.length === 0 ? 'good parity-verdict' : 'bad parity-verdict', 'data-disagreements': disagreements.length },
        disagreements.length === 0 ? t('parityAgree', { count: last.agreed }) : t('parityDisagree', { count: disagreements.length }),
      ),
      disagreements.length === 0
        ? null
        : h(
            'table',
            { class: 'grid' },
            h('thead', {}, h('tr', {}, h('th', {}, t('path')), h('th', {}, t('code')), h('th', {}, t('message')), h('th', {}, ''))),
            h(
              'tbody',
              {},
              ...disagreements.map((d) =>
                h('tr', {}, h('td', {}, h('code', {}, d.path || '/')), h('td', {}, h('code', {}, d.code)), h('td', {}, d.issue.message[lang]), h('td', {}, t(d.only === 'ours' ? 'onlyOurs' : 'onlyRjsf'))),
              ),
            ),
          ),
    );
  };
  uiLang.subscribe(render);
  render();

  return {
    element,
    update(input) {
      failure = undefined;
      if (input === undefined) {
        last = undefined;
        return render();
      }
      try {
        const ours = validateData(input.form, input.data).errors;
        const rjsf = toIssues(input.form.model, input.reference.rawErrors(input.schema as RJSFSchema, input.data), 'error');
        last = compareIssues(ours, rjsf);
      } catch (error) {
        failure = error instanceof Error ? error.message : String(error);
      }
      render();
    },
  };
}
