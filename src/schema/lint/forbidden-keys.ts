import { FORBIDDEN_KEYS } from '../../submission/limits.js';
import type { Diagnostic } from '../diagnostics.js';
import type { SourceFile } from '../load.js';
import { diagnosticAt, type LintRule } from './rule.js';

/** Deeper than this, a form file is refused before any recursive rule walks it (SECURITY.md "Limits": depth 32). */
export const MAX_FORM_DEPTH = 64;

function files(form: Parameters<LintRule['check']>[0]['form']): SourceFile[] {
  return [form.schema, form.ui, form.meta, form.en].filter((f): f is SourceFile => f !== undefined);
}

/**
 * No key in any form file is `__proto__`, `constructor` or `prototype`
 * (prototype pollution; `__proto__` would also vanish silently at parse time),
 * and no file nests deeper than {@link MAX_FORM_DEPTH}. Uses the parser's
 * pointer list, so it needs no recursion.
 */
export const forbiddenKeys: LintRule = {
  code: 'E_SCHEMA_FORBIDDEN_KEY',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    for (const source of files(form)) {
      let deepest = '';
      for (const pointer of source.positions.keys()) {
        const segments = pointer.split('/').slice(1);
        if (segments.length > deepest.split('/').length - 1) deepest = pointer;
        const key = segments.at(-1);
        if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
          diagnostics.push(
            diagnosticAt(source, pointer, {
              code: 'E_SCHEMA_FORBIDDEN_KEY',
              message: { 'zh-CN': `不允许使用键名“${key}”`, en: `the key "${key}" is not allowed` },
              fix: `rename "${key}": __proto__, constructor and prototype are never allowed as names`,
            }),
          );
        }
      }
      if (deepest.split('/').length - 1 > MAX_FORM_DEPTH) {
        diagnostics.push(
          diagnosticAt(source, deepest, {
            code: 'E_SCHEMA_TOO_DEEP',
            message: { 'zh-CN': `嵌套层级超过${MAX_FORM_DEPTH}层`, en: `the file nests deeper than ${MAX_FORM_DEPTH} levels` },
            fix: 'flatten the structure: forms use sections of fields, a few levels deep',
          }),
        );
      }
    }
    return diagnostics;
  },
};

const SECRET = /password|passwd|pwd|passcode|cvv|cvc|otp|密码|口令|验证码|校验码输入/i;

/**
 * A form never asks for a password, a one-time code or a card security code
 * (SECURITY.md §2 minimisation): no property name or title looks like one.
 */
export const noSecrets: LintRule = {
  code: 'E_SCHEMA_SECRET_FIELD',
  check({ form }) {
    const diagnostics: Diagnostic[] = [];
    for (const pointer of form.schema.positions.keys()) {
      const segments = pointer.split('/');
      const key = segments.at(-1) ?? '';
      const isPropertyName = segments.at(-2) === 'properties';
      const isTitle = key === 'title';
      const value = isTitle ? readTitle(form.schema.data, pointer) : undefined;
      if ((isPropertyName && SECRET.test(key)) || (value !== undefined && SECRET.test(value))) {
        diagnostics.push(
          diagnosticAt(form.schema, pointer, {
            code: 'E_SCHEMA_SECRET_FIELD',
            message: { 'zh-CN': '表单不得收集密码、验证码或卡片安全码', en: 'a form must not ask for a password, a verification code or a card security code' },
            fix: 'remove the field: identity is established by the host (real-name login), never by a secret typed into the form',
          }),
        );
      }
    }
    return diagnostics;
  },
};

function readTitle(data: unknown, pointer: string): string | undefined {
  let current: unknown = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return typeof current === 'string' ? current : undefined;
}
