import type { CompiledOutput, CompileResponse, EditableFile, FormExample, FormSummary, SourceText } from '../../../src/designer-api/types.js';
import type { CompiledForm } from '../../../src/runtime/compiled-form.js';
import { submissionData } from '../../../src/runtime/form-state.js';
import { compileForm, fetchForm, fetchForms, fetchRuntime } from '../api.js';
import { createProblemsPanel } from '../editor/problems-panel.js';
import { createSchemaEditor } from '../editor/schema-editor.js';
import { createExamplesPanel } from '../examples/examples-panel.js';
import { createExportPanel } from '../export/export-panel.js';
import { createFormPicker } from '../form/form-picker.js';
import { templateForm } from '../form/template-form.js';
import { createParityPanel } from '../parity/parity-panel.js';
import { createPayloadPanel } from '../payload/payload-panel.js';
import { createPreviewPanel } from '../preview/preview-panel.js';
import { createReferencePanel } from '../reference/reference-panel.js';
import type { ReferenceValidator } from '../reference/rjsf-validator.js';
import { h } from '../ui/dom.js';
import { tx } from '../ui/i18n.js';
import { tabList } from '../ui/tabs.js';
import { createCompileStatus } from './compile-status.js';
import { createHeader } from './header.js';
import { loadCompiledForm } from './load-compiled-form.js';

/** Wait after the last keystroke before compiling. */
const DEBOUNCE_MS = 200;

/** The compiled version the preview shows. */
interface Version {
  readonly output: CompiledOutput;
  /** Its model and validator, loaded in this page (parity, examples, verify). */
  readonly form: CompiledForm;
  /** The rjsf validator its reference rendering uses. */
  readonly reference: ReferenceValidator;
}

/**
 * Builds the designer into `root` and opens a form (`?form=<id>`, else the first).
 * Edits compile on the server 200 ms after the last keystroke; each compiled
 * version goes to the editor (diagnostics), the preview, the reference
 * rendering, the parity, examples and export panels.
 *
 * @param root - the element the designer fills.
 */
export async function startDesigner(root: HTMLElement): Promise<void> {
  let forms: FormSummary[] = [];
  let commonRefs: readonly string[] = [];
  const sources = new Map<string, SourceText[]>();
  const examplesOf = new Map<string, readonly FormExample[]>();
  let formId = '';
  let shown: Version | undefined;
  let data: unknown = {};
  let editedAt: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: AbortController | undefined;

  const status = createCompileStatus();
  const picker = createFormPicker({ onPick: (id) => void openForm(id), onCreate: (id) => void createForm(id) });
  const editor = createSchemaEditor({
    onEdit: () => {
      editedAt = performance.now();
      clearTimeout(timer);
      timer = setTimeout(() => void compile(), DEBOUNCE_MS);
    },
    completion: () => ({ commonRefs, model: shown?.form.model, formIds: forms.map((f) => f.id) }),
  });
  const problems = createProblemsPanel((placement) => editor.reveal(placement));
  const reference = createReferencePanel();
  const parity = createParityPanel();
  const payload = createPayloadPanel();
  const exporter = createExportPanel();
  const examples = createExamplesPanel((example) => {
    preview.setData(example.data, { validate: true });
  });

  const updateParity = () => {
    if (shown === undefined) return parity.update(undefined);
    const submitted = submissionData(shown.form.model, (data ?? {}) as Record<string, unknown>);
    reference.setData(submitted);
    parity.update({ form: shown.form, schema: shown.output.schema, reference: shown.reference, data: submitted });
  };
  const preview = createPreviewPanel({
    onChange: (next) => {
      data = next;
      updateParity();
    },
    onSubmit: (detail) => {
      if (shown === undefined) return;
      inspector.select('payload');
      void payload.show(detail, shown.form);
    },
    onError: (message) => status.error(message),
  });

  const inspectorPanels = {
    examples: examples.element,
    parity: parity.element,
    payload: payload.element,
    export: exporter.element,
  } as const;
  const inspector = tabList(
    'inspector',
    (['examples', 'parity', 'payload', 'export'] as const).map((id) => ({ id, label: tx(h('span'), id), panel: inspectorPanels[id] })),
    { onSelect: (id) => (id === 'export' ? exporter.show() : undefined) },
  );
  inspector.element.setAttribute('data-i18n-aria-label', 'inspector');

  async function compile(): Promise<void> {
    clearTimeout(timer);
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    const id = formId;
    const files = editor.files();
    const texts = new Map<EditableFile, string>(files.map((f) => [f.path, f.text]));
    const started = editedAt ?? performance.now();
    editedAt = undefined;
    status.compiling();
    let response: CompileResponse;
    try {
      response = await compileForm({ id, files }, controller.signal);
    } catch (error) {
      if (controller.signal.aborted) return;
      status.error(error instanceof Error ? error.message : String(error));
      return;
    }
    if (controller.signal.aborted || id !== formId || response.superseded) return;
    problems.show(editor.showDiagnostics(response.diagnostics, id, texts));
    const { output } = response;
    if (output === undefined) {
      status.failed();
      exporter.setOutput(undefined);
      return;
    }
    // The preview is what the designer waits for; the page's copy of the validator loads
    // meanwhile, and rjsf, parity and examples follow once the version is shown.
    exporter.setOutput(output);
    let visible: boolean;
    let form: CompiledForm;
    try {
      [visible, form] = await Promise.all([fetchRuntime(output.runtimeId).then((runtime) => preview.show(output, runtime)), loadCompiledForm(output)]);
    } catch (error) {
      status.error(error instanceof Error ? error.message : String(error));
      return;
    }
    if (!visible || controller.signal.aborted) return;
    status.shown(response.timings, performance.now() - started);
    shown = { output, form, reference: reference.show(output.schema, output.ui) };
    examples.setForm(form);
    updateParity();
  }

  async function openForm(id: string): Promise<void> {
    inflight?.abort();
    clearTimeout(timer);
    // Keep this form's edits for when the designer comes back to it.
    if (formId !== '') sources.set(formId, editor.files());
    formId = id;
    picker.setCurrent(id);
    const url = new URL(location.href);
    url.searchParams.set('form', id);
    history.replaceState(null, '', url);
    if (!sources.has(id)) {
      const source = await fetchForm(id);
      sources.set(id, [...source.files]);
      examplesOf.set(id, source.examples);
    }
    shown = undefined;
    parity.update(undefined);
    editor.load(sources.get(id) ?? []);
    examples.setExamples(examplesOf.get(id) ?? []);
    payload.clear();
    await compile();
  }

  async function createForm(id: string): Promise<void> {
    sources.set(id, templateForm(id));
    examplesOf.set(id, []);
    forms = [...forms, { id, title: { 'zh-CN': id, en: id } }];
    picker.setForms(forms);
    await openForm(id);
  }

  root.append(
    createHeader(picker.element, status.element),
    h(
      'main',
      { class: 'layout' },
      h('div', { class: 'column editor-column' }, editor.element, problems.element),
      h(
        'div',
        { class: 'column work-column' },
        h('div', { class: 'previews' }, preview.element, reference.element),
        h('section', { class: 'panel inspector', 'aria-labelledby': 'inspector-heading' }, tx(h('h2', { id: 'inspector-heading', class: 'visually-hidden' }), 'inspector'), inspector.element, ...Object.values(inspectorPanels)),
      ),
    ),
  );

  const list = await fetchForms();
  forms = [...list.forms];
  commonRefs = list.commonRefs;
  picker.setForms(forms);
  const wanted = new URL(location.href).searchParams.get('form');
  const first = forms.find((f) => f.id === wanted) ?? forms[0];
  if (first !== undefined) await openForm(first.id);
}
