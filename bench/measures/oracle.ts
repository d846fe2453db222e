/**
 * When the target field's error must show, and what it must say, for each
 * renderer: the value violates the pattern or format (checked with yibiao's
 * own format functions) exactly when an error is on screen.
 */
import type { LocalizedText } from '../../src/ir/types.js';
import { formats } from '../../src/rules/formats.js';
import { formatMessage } from '../../src/runtime/i18n/messages.js';
import type { RendererId } from '../browser/harness.js';
import type { TargetSpec } from '../build/form-spec.js';

/** Whether `value` breaks the target's rule (empty counts: the field is required). */
export function violates(target: TargetSpec, value: string): boolean {
  if (value === '') return true;
  if (target.maxLength !== undefined && value.length > target.maxLength) return true;
  if (target.rule.kind === 'pattern') return !new RegExp(target.rule.pattern, 'u').test(value);
  const format = formats[target.rule.format];
  return format === undefined ? false : !format.validate(value);
}

/** Whether the error text shown is the right message for a rule violation (not, say, "required"). */
export function rightMessage(renderer: RendererId, target: TargetSpec, text: string): boolean {
  const title: LocalizedText = { 'zh-CN': target.title, en: target.title };
  switch (renderer) {
    case 'yibiao':
      return text === formatMessage(target.code, title)['zh-CN'];
    case 'floor':
      return text === `“${target.title}”的格式不正确`;
    default:
      return target.rule.kind === 'pattern' ? text.includes('must match pattern') : text.includes(`must match format "${target.rule.format}"`);
  }
}

/** The value after pressing `key`. */
export function afterKey(value: string, key: string): string {
  return key === 'Backspace' ? value.slice(0, -1) : value + key;
}
