import type { CompileTimings } from '../../../src/designer-api/types.js';
import { h } from '../ui/dom.js';
import { t, uiLang } from '../ui/i18n.js';

/** The compile status line of the header. */
export interface CompileStatus {
  readonly element: HTMLElement;
  compiling(): void;
  /** A version is shown: server timings and the time from the edit to the new preview. */
  shown(timings: CompileTimings, latencyMs: number): void;
  failed(): void;
  error(message: string): void;
}

/**
 * Shows the state of the live compile, with the measured times. The element
 * carries them as data attributes too (`data-version` counts shown versions),
 * which the designer's browser test reads.
 */
export function createCompileStatus(): CompileStatus {
  const element = h('p', { id: 'compile-status', class: 'compile-status', role: 'status', 'data-version': '0', 'data-state': 'idle' });
  let render: () => void = () => undefined;
  const set = (state: string, text: () => string) => {
    element.dataset.state = state;
    render = () => {
      element.textContent = text();
    };
    render();
  };
  uiLang.subscribe(() => render());
  return {
    element,
    compiling: () => set('compiling', () => t('compiling')),
    shown(timings, latencyMs) {
      element.dataset.version = String(Number(element.dataset.version ?? '0') + 1);
      element.dataset.compileMs = String(timings.compileMs);
      element.dataset.bundleMs = String(timings.bundleMs);
      element.dataset.latencyMs = String(Math.round(latencyMs));
      set('shown', () => t('compiled', { compile: timings.compileMs, bundle: timings.bundleMs, latency: Math.round(latencyMs) }));
    },
    failed: () => set('failed', () => t('compileFailed')),
    error: (message) => set('error', () => t('serverError', { message })),
  };
}
