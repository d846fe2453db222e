import type { Lang } from '../../../src/ir/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { canonicalBytes, type SubmissionPayload, type Verdict, verify } from '../../../src/submission/index.js';
import { h, pretty, replaceChildren } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { decodeToken, sameBytes } from './decode-token.js';
import { type DepartmentView, departmentTitle, departmentViews } from './department-split.js';

/** A submission made in the preview. */
export interface PreviewSubmission {
  readonly token: string;
  readonly payload: unknown;
  readonly files?: unknown;
}

/** The payload inspector. */
export interface PayloadPanel {
  readonly element: HTMLElement;
  /** Decodes and verifies a submission against the form version that made it. */
  show(submitted: PreviewSubmission, form: CompiledForm): Promise<void>;
  clear(): void;
}

function fileList(files: unknown): string[] {
  const list = files instanceof Map ? [...files.values()] : Array.isArray(files) ? files : [];
  return list.map((file: unknown) => (file instanceof File ? `${file.name} (${file.type || '?'}, ${file.size} B)` : pretty(file)));
}

/**
 * After a submit in the preview: the verify result (`verify(token, { forms })`
 * in the browser, with a registry holding the compiled version the preview
 * ran), the decoded header and payload, the canonical (RFC 8785) bytes and
 * whether they are the signed bytes, what each department receives, the
 * attachments, and the token to download.
 */
export function createPayloadPanel(): PayloadPanel {
  const body = h('div', { class: 'payload-body', 'aria-live': 'polite' });
  const element = h('div', { class: 'inspector-body' }, body);
  let last: { submitted: PreviewSubmission; form: CompiledForm; verdict: Verdict; departments: readonly DepartmentView[] | string } | undefined;

  const block = (titleKey: Parameters<typeof t>[0], ...content: (Node | string | null)[]) => h('section', { class: 'payload-block' }, tx(h('h4', {}), titleKey), ...content);

  const verdictLine = (verdict: Verdict, lang: Lang) =>
    verdict.ok
      ? h('p', { class: 'good verify-result', 'data-ok': 'true' }, `verify: ok — ${verdict.authenticity} · ${verdict.keyThumbprint}${verdict.warnings.length > 0 ? ` · ${verdict.warnings.length} warning(s)` : ''}`)
      : h(
          'div',
          { class: 'bad verify-result', 'data-ok': 'false' },
          h('p', {}, `verify: ${verdict.code} — ${verdict.message[lang]}${verdict.pointer === undefined ? '' : ` (${verdict.pointer})`}`),
          verdict.issues === undefined ? null : h('ul', {}, ...verdict.issues.map((i) => h('li', {}, `${i.path} ${i.code}: ${i.message[lang]}`))),
        );

  const render = () => {
    if (last === undefined) return replaceChildren(body, tx(h('p', { class: 'muted' }), 'payloadEmpty'));
    const { submitted, form, verdict, departments } = last;
    const lang = uiLang.get();
    let decoded: ReturnType<typeof decodeToken> | undefined;
    try {
      decoded = decodeToken(submitted.token);
    } catch {
      decoded = undefined;
    }
    const payload = submitted.payload as SubmissionPayload;
    const canonical = canonicalBytes(payload);
    const same = decoded !== undefined && sameBytes(canonical, decoded.payloadBytes);
    const files = fileList(submitted.files);
    replaceChildren(
      body,
      block('verifyResult', verdictLine(verdict, lang)),
      h('p', {}, h('button', { type: 'button', onclick: () => downloadText(`${form.model.id}-${payload.submissionId}.jws`, submitted.token, 'application/jose') }, t('downloadToken'))),
      block('header', h('pre', { class: 'code' }, decoded === undefined ? '—' : pretty(decoded.header))),
      block('decodedPayload', h('pre', { class: 'code' }, pretty(payload))),
      block(
        'canonicalBytes',
        h('p', { class: same ? 'good' : 'bad' }, t(same ? 'canonicalSame' : 'canonicalDiffers', { bytes: canonical.length })),
        h('pre', { class: 'code' }, new TextDecoder().decode(canonical)),
      ),
      block(
        'departments',
        tx(h('p', { class: 'muted' }), 'splitNote'),
        typeof departments === 'string'
          ? h('p', { class: 'bad' }, departments)
          : h(
              'div',
              {},
              ...departments.map(({ part, verdict: partVerdict }) =>
                h(
                  'div',
                  { class: 'department', 'data-department': part.department },
                  h('h5', {}, `${departmentTitle(form.model, part.department, lang)} (${part.department})`),
                  h('p', {}, `${t('services')}: ${part.services.join(', ')} · ${t('paths')}: ${part.paths.join(', ')}`),
                  h('p', { class: partVerdict.ok ? 'good' : 'bad' }, `verifyPart: ${partVerdict.ok ? 'ok' : `${partVerdict.code} — ${partVerdict.message[lang]}`}`),
                  h('pre', { class: 'code' }, pretty(part.data)),
                ),
              ),
            ),
      ),
      files.length === 0 ? null : block('attachedFiles', h('ul', {}, ...files.map((f) => h('li', {}, f)))),
      block('token', h('pre', { class: 'code token' }, submitted.token)),
    );
  };
  uiLang.subscribe(render);
  render();

  return {
    element,
    async show(submitted, form) {
      const forms = { get: (id: string) => (id === form.model.id ? form : undefined) };
      const verdict = await verify(submitted.token, { forms });
      const payload = submitted.payload as SubmissionPayload;
      let departments: readonly DepartmentView[] | string;
      try {
        departments = await departmentViews(payload, submitted.token, form);
      } catch (error) {
        departments = error instanceof Error ? error.message : String(error);
      }
      last = { submitted, form, verdict, departments };
      render();
    },
    clear() {
      last = undefined;
      render();
    },
  };
}
