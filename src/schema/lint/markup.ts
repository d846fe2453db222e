import type { Diagnostic } from '../diagnostics.js';
import { childPointer } from '../diagnostics.js';
import type { SourceFile } from '../load.js';
import { diagnosticAt, type LintRule } from './rule.js';

const MARKUP = /<\s*[a-z!/?]|javascript\s*:|data\s*:\s*text\/html|vbscript\s*:|\son[a-z]+\s*=/i;

function strings(value: unknown, pointer: string, visit: (text: string, pointer: string) => void): void {
  if (typeof value === 'string') visit(value, pointer);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) strings(v, childPointer(pointer, i), visit);
  }
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      visit(key, childPointer(pointer, key));
      strings(child, childPointer(pointer, key), visit);
    }
  }
}

/** The text without C0 controls, spaces and DEL (what a URL parser skips). */
function withoutControls(text: string): string {
  return [...text].filter((c) => (c.codePointAt(0) ?? 0) > 0x20 && c !== '\u007f').join('');
}

function check(source: SourceFile | undefined, diagnostics: Diagnostic[]): void {
  if (!source) return;
  strings(source.data, '', (text, pointer) => {
    if (pointer.endsWith('/pattern')) return;
    // Browsers ignore tabs, newlines and control characters inside a URL scheme (java\tscript:).
    if (!MARKUP.test(text) && !MARKUP.test(withoutControls(text))) return;
    diagnostics.push(
      diagnosticAt(source, pointer, {
        code: 'E_SCHEMA_MARKUP',
        message: {
          'zh-CN': '文字中不允许出现 HTML 标记或脚本链接',
          en: 'markup or a script URL is not allowed in form text',
        },
        fix: 'write plain text: every string is shown as text, never as HTML; links must be https:, tel: or mailto:',
      }),
    );
  });
}

/** No string a form carries looks like markup or a script URL (SECURITY.md §2 XSS). */
export const markup: LintRule = {
  code: 'E_SCHEMA_MARKUP',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    for (const source of [form.schema, form.ui, form.meta, form.en]) check(source, diagnostics);
    return diagnostics;
  },
};
