import type { Lang, LocalizedText } from '../../ir/types.js';

/**
 * The widget's own words (not the form's): buttons, the error summary title,
 * the visually hidden prefixes that screen readers announce before a message.
 * GOV.UK Frontend wording ("There is a problem", "Error:") in English.
 */
export const UI_TEXT = {
  submit: { 'zh-CN': '提交', en: 'Submit' },
  submitting: { 'zh-CN': '正在提交…', en: 'Submitting…' },
  errorSummaryTitle: { 'zh-CN': '提交前请修改以下问题', en: 'There is a problem' },
  errorPrefix: { 'zh-CN': '错误：', en: 'Error:' },
  warningPrefix: { 'zh-CN': '请注意：', en: 'Warning:' },
  permanent: { 'zh-CN': '长期', en: 'Permanent' },
  choose: { 'zh-CN': '请选择', en: 'Choose' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  required: { 'zh-CN': '（必填）', en: '(required)' },
} as const satisfies Readonly<Record<string, LocalizedText>>;

/** A key of {@link UI_TEXT}. */
export type UiTextKey = keyof typeof UI_TEXT;

/**
 * One of the widget's own words in a language.
 *
 * @param key - which text.
 * @param lang - the language.
 * @returns the text.
 */
export function uiText(key: UiTextKey, lang: Lang): string {
  return UI_TEXT[key][lang];
}
