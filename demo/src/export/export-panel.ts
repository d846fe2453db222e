import type { CompiledOutput } from '../../../src/designer-api/types.js';
import { fetchWidget } from '../api.js';
import { h, replaceChildren } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { embedSnippet } from './embed-snippet.js';
import { sri } from './sri.js';

/** The export panel. */
export interface ExportPanel {
  readonly element: HTMLElement;
  /** The latest compiled version (or none when the form has errors). */
  setOutput(output: CompiledOutput | undefined): void;
  /** The panel is shown: fetches the version's module if it has not yet. */
  show(): void;
}

const DEFAULT_BASE = '/widget/dist/';

/** A version's module, fetched, with its SRI value. */
interface Built {
  readonly output: CompiledOutput;
  readonly module: string;
  readonly integrity: string;
}

/**
 * Exports the current build: the bundled schema, the generated module (the
 * self-contained one `yibiao build` writes, bundled by the server when this
 * panel asks for it), and an embed snippet whose `integrity` is the module's
 * SHA-384 (WebCrypto).
 */
export function createExportPanel(): ExportPanel {
  const base = h('input', { id: 'export-base', type: 'url', value: DEFAULT_BASE, spellcheck: 'false' });
  const snippet = h('textarea', { id: 'export-snippet', readonly: true, rows: '4', spellcheck: 'false' });
  const copyStatus = h('span', { role: 'status', class: 'muted' });
  const actions = h('div', { class: 'row' });
  const info = h('p', { class: 'muted' });
  const body = h(
    'div',
    {},
    actions,
    info,
    h('div', { class: 'field' }, tx(h('label', { for: 'export-base' }), 'moduleUrl'), base),
    h('div', { class: 'field' }, tx(h('label', { for: 'export-snippet' }), 'embedSnippet'), snippet),
    h('div', { class: 'row' }, tx(h('button', { type: 'button', id: 'export-copy', onclick: () => copy() }), 'copy'), copyStatus),
  );
  const message = h('p', { class: 'muted', role: 'status' });
  const element = h('div', { class: 'inspector-body' }, message, body);
  let output: CompiledOutput | undefined;
  let built: Built | undefined;
  let failure: string | undefined;
  let visible = false;
  let loading: string | undefined;

  const updateSnippet = () => {
    snippet.value = built === undefined ? '' : embedSnippet({ formId: built.output.model.id, baseUrl: base.value.trim() || DEFAULT_BASE, integrity: built.integrity });
  };
  const render = () => {
    const ready = built !== undefined && built.output === output;
    body.hidden = !ready;
    message.hidden = ready;
    message.className = failure === undefined ? 'muted' : 'bad';
    message.textContent = failure ?? (output === undefined ? t('exportUnavailable') : t('loading'));
    if (!ready || built === undefined) return;
    const { output: shown, module } = built;
    const id = shown.model.id;
    body.dataset.versionId = shown.versionId;
    const size = new TextEncoder().encode(module).length;
    replaceChildren(
      actions,
      h('button', { type: 'button', id: 'export-schema', onclick: () => downloadText(`${id}.schema.json`, `${JSON.stringify(shown.schema, null, 2)}\n`, 'application/schema+json') }, t('downloadSchema')),
      h('button', { type: 'button', id: 'export-module', onclick: () => downloadText(`${id}.js`, module, 'text/javascript') }, t('downloadModule', { id })),
    );
    info.textContent = `${t('moduleSize', { size: `${(size / 1024).toFixed(1)} kB` })} · ${built.integrity}`;
    updateSnippet();
  };
  const load = async () => {
    const wanted = output;
    if (!visible || wanted === undefined || built?.output === wanted || loading === wanted.versionId) return;
    loading = wanted.versionId;
    failure = undefined;
    render();
    try {
      const module = await fetchWidget(wanted.versionId);
      const integrity = await sri(new TextEncoder().encode(module));
      if (output === wanted) built = { output: wanted, module, integrity };
    } catch (error) {
      if (output === wanted) failure = error instanceof Error ? error.message : String(error);
    } finally {
      if (loading === wanted.versionId) loading = undefined;
    }
    render();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet.value);
      copyStatus.textContent = t('copied');
    } catch {
      // Clipboard refused (permissions): select the text so Ctrl+C copies it.
      snippet.focus();
      snippet.select();
    }
  };
  base.addEventListener('input', updateSnippet);
  uiLang.subscribe(render);
  render();

  return {
    element,
    setOutput(next) {
      output = next;
      failure = undefined;
      copyStatus.textContent = '';
      render();
      void load();
    },
    show() {
      visible = true;
      void load();
    },
  };
}
