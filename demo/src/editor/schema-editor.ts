import { autocompletion, closeBrackets } from '@codemirror/autocomplete';
import { json } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { type Diagnostic as EditorDiagnostic, lintGutter, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { drawSelection, EditorView, highlightActiveLine, highlightActiveLineGutter, lineNumbers } from '@codemirror/view';
import type { EditableFile, SourceText } from '../../../src/designer-api/types.js';
import type { Diagnostic } from '../../../src/schema/diagnostics.js';
import { h, replaceChildren } from '../ui/dom.js';
import { downloadText } from '../ui/download.js';
import { t, tx, uiLang } from '../ui/i18n.js';
import { type TabList, tabList } from '../ui/tabs.js';
import { type CompletionEnvironment, formCompletionSource } from './completion.js';
import { editorDiagnostic, type Placement, placeDiagnostic } from './diagnostic-ranges.js';
import { editorKeymap } from './editor-keymap.js';
import { createFindBar } from './find-bar.js';
import { history } from './history.js';

/** A generator diagnostic and where it is shown, if in an edited file. */
export interface PlacedDiagnostic {
  readonly diagnostic: Diagnostic;
  readonly placement: Placement | undefined;
}

/** The schema editor panel. */
export interface SchemaEditor {
  readonly element: HTMLElement;
  /** Shows a form's files (one tab each), replacing everything. */
  load(files: readonly SourceText[]): void;
  /** The files as edited now. */
  files(): SourceText[];
  /**
   * Shows diagnostics inline at their JSON pointers, computed over the texts
   * that were compiled; returns where each one went.
   */
  showDiagnostics(diagnostics: readonly Diagnostic[], formId: string, compiled: ReadonlyMap<EditableFile, string>): PlacedDiagnostic[];
  /** Opens the file's tab and selects the range. */
  reveal(placement: Placement): void;
}

/** Options of {@link createSchemaEditor}. */
export interface SchemaEditorOptions {
  /** Called after every change of a file's text. */
  readonly onEdit: () => void;
  /** What completion knows besides the file (latest model, dictionary refs, form ids). */
  readonly completion: () => Omit<CompletionEnvironment, 'file'>;
}


/**
 * The editor: a tab per file (form.schema.json, ui.json, i18n/en.json, and
 * meta.json or extends.json when the form has them), CodeMirror 6 with JSON
 * support, the generator's diagnostics as lint marks at their JSON pointers
 * (message and fix in the tooltip), completion of yibiao's keywords, a find
 * bar and the download of the file shown.
 *
 * @param options - edit callback and completion context.
 */
export function createSchemaEditor(options: SchemaEditorOptions): SchemaEditor {
  const states = new Map<EditableFile, EditorState>();
  const placed = new Map<EditableFile, EditorDiagnostic[]>();
  let current: EditableFile = 'form.schema.json';
  let last: { diagnostics: readonly Diagnostic[]; formId: string; compiled: ReadonlyMap<EditableFile, string> } | undefined;

  const findBar = createFindBar(() => view);
  const extensions = [
    lineNumbers(),
    highlightActiveLineGutter(),
    foldGutter(),
    lintGutter(),
    drawSelection(),
    highlightActiveLine(),
    history(),
    indentOnInput(),
    closeBrackets(),
    bracketMatching(),
    syntaxHighlighting(defaultHighlightStyle),
    json(),
    // The editor is a third of the screen and schemas have long $comment lines.
    EditorView.lineWrapping,
    autocompletion({ override: [formCompletionSource(() => ({ ...options.completion(), file: current }))], icons: false }),
    editorKeymap(() => findBar.open()),
    EditorView.contentAttributes.of({ 'aria-label': 'JSON', 'aria-multiline': 'true' }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) options.onEdit();
    }),
  ];
  const view = new EditorView({ state: EditorState.create({ doc: '', extensions }) });

  const fileTabs = h('div', { class: 'file-tabs' });
  const downloadButton = tx(h('button', { type: 'button', class: 'small', onclick: () => download() }), 'downloadFile');
  const findButton = h('button', { type: 'button', class: 'small', 'aria-keyshortcuts': 'Control+F', onclick: () => findBar.open() });
  tx(findButton, 'find');
  const element = h(
    'section',
    { class: 'panel editor-panel', 'aria-labelledby': 'editor-heading' },
    h('div', { class: 'panel-head' }, tx(h('h2', { id: 'editor-heading' }), 'editor'), h('div', { class: 'toolbar' }, findButton, downloadButton)),
    fileTabs,
    findBar.element,
  );
  let tabs: TabList | undefined;

  const applyDiagnostics = (file: EditableFile) => {
    const list = placed.get(file) ?? [];
    if (file === current) view.dispatch(setDiagnostics(view.state, list));
    else {
      const state = states.get(file);
      if (state) states.set(file, state.update(setDiagnostics(state, list)).state);
    }
  };

  const switchTo = (file: EditableFile) => {
    if (file === current && view.state === states.get(file)) return;
    states.set(current, view.state);
    current = file;
    const state = states.get(file);
    if (state) view.setState(state);
  };

  const download = () => downloadText(current.split('/').pop() ?? current, view.state.doc.toString(), 'application/json');

  const tabId = (file: EditableFile) => file.replace(/[^a-z0-9]+/gi, '-');

  /** One tab per file; the single editor view moves into the selected tab's panel. */
  const render = (files: readonly EditableFile[]) => {
    const panels = new Map(files.map((file) => [file, h('div', { class: 'file-panel' })] as const));
    tabs = tabList(
      'editor-files',
      files.map((file) => ({ id: tabId(file), label: document.createTextNode(file), panel: panels.get(file) ?? h('div') })),
      {
        focusablePanels: false,
        onSelect: (id) => {
          const file = files.find((f) => tabId(f) === id);
          if (file === undefined) return;
          switchTo(file);
          panels.get(file)?.append(view.dom);
        },
      },
    );
    tabs.element.setAttribute('data-i18n-aria-label', 'files');
    tabs.element.setAttribute('aria-label', t('files'));
    replaceChildren(fileTabs, tabs.element, ...panels.values());
  };

  uiLang.subscribe(() => {
    if (last) api.showDiagnostics(last.diagnostics, last.formId, last.compiled);
  });

  const api: SchemaEditor = {
    element,
    load(files) {
      states.clear();
      placed.clear();
      last = undefined;
      for (const file of files) states.set(file.path, EditorState.create({ doc: file.text, extensions }));
      const first = files[0]?.path ?? 'form.schema.json';
      current = first;
      const state = states.get(first);
      if (state) view.setState(state);
      render(files.map((f) => f.path));
    },
    files() {
      states.set(current, view.state);
      return [...states].map(([path, state]) => ({ path, text: state.doc.toString() }));
    },
    showDiagnostics(diagnostics, formId, compiled) {
      last = { diagnostics, formId, compiled };
      const lang = uiLang.get();
      const result = diagnostics.map((diagnostic) => ({ diagnostic, placement: placeDiagnostic(diagnostic, formId, compiled) }));
      placed.clear();
      for (const { diagnostic, placement } of result) {
        if (placement === undefined) continue;
        const list = placed.get(placement.file) ?? [];
        list.push(editorDiagnostic(diagnostic, placement, lang, { fix: t('fix') }));
        placed.set(placement.file, list);
      }
      for (const file of states.keys()) {
        // Marks are placed over the compiled text; a file edited since waits for its own compile.
        if ((file === current ? view.state : states.get(file))?.doc.toString() === compiled.get(file)) applyDiagnostics(file);
      }
      return result;
    },
    reveal(placement) {
      tabs?.select(tabId(placement.file));
      view.dispatch({ selection: { anchor: placement.from, head: placement.to }, scrollIntoView: true });
      view.focus();
    },
  };
  return api;
}
