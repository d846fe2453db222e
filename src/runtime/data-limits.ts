import type { LocalizedText } from '../ir/types.js';
import { MAX_ARRAY_LENGTH, MAX_DEPTH, MAX_KEYS, MAX_PAYLOAD_BYTES, MAX_STRING_LENGTH } from '../submission/limits.js';
import { type CopyLimits, copyJson, type DataLimit, type DataLimitProblem } from './json-copy.js';

/**
 * What the element accepts through its `data` property or a restored draft
 * (docs/security.md O-6): the verifier's limits (`src/submission/limits.ts`),
 * so the element never holds data no department server would accept, and the
 * work of copying, validating and laying it out stays bounded.
 */
export const WIDGET_DATA_LIMITS: CopyLimits = {
  maxDepth: MAX_DEPTH,
  maxKeys: MAX_KEYS,
  maxStringLength: MAX_STRING_LENGTH,
  maxArrayLength: MAX_ARRAY_LENGTH,
  maxBytes: MAX_PAYLOAD_BYTES,
};

const TEMPLATES: Readonly<Record<DataLimit, LocalizedText>> = {
  depth: { 'zh-CN': '{pointer} 嵌套超过 {max} 层', en: '{pointer} is nested deeper than {max} levels' },
  keys: { 'zh-CN': '成员总数超过 {max} 个（于 {pointer}）', en: 'it has more than {max} members in all (at {pointer})' },
  string: { 'zh-CN': '{pointer} 的文字超过 {max} 个字符', en: 'the text at {pointer} is longer than {max} characters' },
  array: { 'zh-CN': '{pointer} 的列表超过 {max} 项', en: 'the list at {pointer} has more than {max} items' },
  size: { 'zh-CN': '总大小超过 {max} 字节（于 {pointer}）', en: 'it is larger than {max} bytes (at {pointer})' },
};

/**
 * The message of a refused value, in both languages: which limit, where, and
 * its value — never the data itself (DOMAIN.md §11.5).
 *
 * @param problem - the limit passed.
 * @returns e.g. en `The form data was refused (E_DATA_LIMIT): the text at /applicant/name is longer than 2000 characters`.
 */
export function dataLimitMessage(problem: DataLimitProblem): LocalizedText {
  const fill = (template: string): string =>
    template.replace('{pointer}', problem.pointer === '' ? '/' : problem.pointer).replace('{max}', String(problem.max));
  const template = TEMPLATES[problem.limit];
  return {
    'zh-CN': `表单数据未被接受（${problem.code}）：${fill(template['zh-CN'])}`,
    en: `The form data was refused (${problem.code}): ${fill(template.en)}`,
  };
}

/** What {@link takeFormData} gives: the data to hold, or why it was refused. */
export type TakenData = { readonly ok: true; readonly data: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly problem: DataLimitProblem };

/**
 * The copy the element holds of data a host or a draft gives it: within
 * {@link WIDGET_DATA_LIMITS}, or refused as a whole (nothing is truncated).
 * A value that is not an object is the empty form.
 *
 * @param value - any value.
 */
export function takeFormData(value: unknown): TakenData {
  const copy = copyJson(value, WIDGET_DATA_LIMITS);
  if (!copy.ok) return copy;
  const data = copy.value;
  return { ok: true, data: data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {} };
}
