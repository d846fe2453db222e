import { tagName } from '../../../src/compile/component.js';
import { type CompiledOutput, RUNTIME_SPECIFIER } from '../../../src/designer-api/types.js';
import type { Lang } from '../../../src/ir/types.js';
import { h } from '../ui/dom.js';
import { t, tx } from '../ui/i18n.js';
import { keepExisting } from './keep-existing.js';
import { type FrameHandlers, PreviewFrame } from './preview-frame.js';

/** The widget preview panel. */
export interface PreviewPanel {
  readonly element: HTMLElement;
  /**
   * Shows a newly compiled version: reads the data typed into the current
   * version, loads the version into the spare frame (whose runtime is already
   * loaded) with what still fits, and swaps frames once the new one rendered.
   *
   * @returns when the new version is shown (`false` when a newer one superseded it).
   */
  show(output: CompiledOutput, runtimeSource: string): Promise<boolean>;
  /** Replaces the preview's data (an example), optionally showing every problem. */
  setData(data: unknown, options: { validate: boolean }): void;
}

/** Options of {@link createPreviewPanel}. */
export interface PreviewPanelOptions extends FrameHandlers {
  /** Called when a version could not be shown (the module failed in the frame). */
  onError(message: string): void;
}

function toggleGroup<T extends string>(labelKey: Parameters<typeof t>[0], choices: readonly { value: T; key: Parameters<typeof t>[0] }[], initial: T, onChange: (value: T) => void): HTMLElement {
  const label = tx(h('span', { class: 'group-label' }), labelKey);
  const group = h('div', { role: 'group', class: 'toggle-group' }, label);
  const id = `group-${labelKey}`;
  label.id = id;
  group.setAttribute('aria-labelledby', id);
  const buttons = choices.map((choice) =>
    tx(
      h('button', {
        type: 'button',
        'aria-pressed': String(choice.value === initial),
        'data-value': choice.value,
        onclick: () => {
          for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.value === choice.value));
          onChange(choice.value);
        },
      }),
      choice.key,
    ),
  );
  group.append(...buttons);
  return group;
}

/**
 * The live preview of the generated Lit widget: a sandboxed iframe per
 * compiled version, a language switch (zh-CN / English) and a width switch
 * (phone 375 px / desktop).
 *
 * @param options - what to do with the preview's events.
 */
export function createPreviewPanel(options: PreviewPanelOptions): PreviewPanel {
  let lang: Lang = 'zh-CN';
  let current: PreviewFrame | undefined;
  /** The next version's frame, created ahead so that a new version only waits for its module. */
  let spare: PreviewFrame | undefined;
  let lastData: unknown = {};
  let generation = 0;

  const stage = h('div', { class: 'preview-stage phone' });
  const empty = tx(h('p', { class: 'muted empty' }), 'previewEmpty');
  stage.append(empty);
  const handlers: FrameHandlers = {
    onChange: (data) => {
      lastData = data;
      options.onChange(data);
    },
    onSubmit: (detail) => options.onSubmit(detail),
  };
  const widthGroup = toggleGroup('deviceWidth', [{ value: 'phone', key: 'phone' }, { value: 'desktop', key: 'desktop' }] as const, 'phone', (width) => {
    stage.classList.toggle('phone', width === 'phone');
  });

  /** The language names are written in their own language, whatever the designer's is. */
  function langGroup(): HTMLElement {
    const label = tx(h('span', { class: 'group-label', id: 'group-previewLang' }), 'previewLang');
    const group = h('div', { role: 'group', class: 'toggle-group', 'aria-labelledby': 'group-previewLang' }, label);
    const choices: readonly [Lang, string][] = [
      ['zh-CN', '中文'],
      ['en', 'English'],
    ];
    const buttons = choices.map(([value, text]) =>
      h(
        'button',
        {
          type: 'button',
          lang: value,
          'aria-pressed': String(value === lang),
          'data-lang': value,
          onclick: () => {
            lang = value;
            for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.lang === value));
            current?.setLang(value);
          },
        },
        text,
      ),
    );
    group.append(...buttons);
    return group;
  }

  const newFrame = (): PreviewFrame => {
    const frame = new PreviewFrame({ handlers, title: t('previewFrameTitle'), lang });
    frame.iframe.classList.add('incoming');
    // Hidden frames stay out of the tab order and the accessibility tree until shown.
    frame.iframe.setAttribute('tabindex', '-1');
    frame.iframe.setAttribute('aria-hidden', 'true');
    stage.append(frame.iframe);
    return frame;
  };

  const element = h(
    'section',
    { class: 'panel preview-panel', 'aria-labelledby': 'preview-heading' },
    h('div', { class: 'panel-head' }, tx(h('h2', { id: 'preview-heading' }), 'preview'), h('div', { class: 'toolbar' }, langGroup(), widthGroup)),
    stage,
  );

  return {
    element,
    async show(output, runtimeSource) {
      const runtime = { id: output.runtimeId, source: runtimeSource, specifier: RUNTIME_SPECIFIER };
      const mine = ++generation;
      const previous = current;
      const typed = previous === undefined ? lastData : ((await previous.getData()) ?? lastData);
      if (mine !== generation) return false;
      const data = keepExisting(output.model, typed);
      const frame = spare ?? newFrame();
      spare = undefined;
      frame.iframe.title = t('previewFrameTitle');
      try {
        lastData = await frame.load({ runtime, entry: output.entry, tag: tagName(output.model.id), lang, data });
      } catch (error) {
        frame.dispose();
        if (mine === generation) options.onError(error instanceof Error ? error.message : String(error));
        return false;
      }
      if (mine !== generation) {
        frame.dispose();
        return false;
      }
      frame.iframe.classList.remove('incoming');
      frame.iframe.removeAttribute('tabindex');
      frame.iframe.removeAttribute('aria-hidden');
      previous?.dispose();
      empty.remove();
      current = frame;
      spare = newFrame();
      void spare.preload(runtime);
      options.onChange(lastData);
      return true;
    },
    setData(data, setOptions) {
      lastData = data;
      current?.setData(data, setOptions);
    },
  };
}
