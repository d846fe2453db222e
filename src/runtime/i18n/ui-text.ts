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
  help: { 'zh-CN': '办事指南与咨询', en: 'Help and contacts' },
  helpPhones: { 'zh-CN': '咨询电话', en: 'Phone enquiries' },
  helpTimeLimits: { 'zh-CN': '办理时限', en: 'Time limits' },
  helpDepartments: { 'zh-CN': '所选事项的受理部门', en: 'Who handles the services you ticked' },
  helpExtended: { 'zh-CN': '拓展服务事项（由部门后续主动办理）', en: 'Follow-up services the departments provide on their own' },
  helpNotes: { 'zh-CN': '说明', en: 'Notes' },
  materials: { 'zh-CN': '申请材料', en: 'Supporting documents' },
  bringToCounter: { 'zh-CN': '请携带至窗口', en: 'Bring to the counter' },
  fileHint: { 'zh-CN': '选择文件，或将文件拖放到此处。', en: 'Choose a file, or drop it here.' },
  fileTypes: { 'zh-CN': '格式', en: 'Format' },
  fileMax: { 'zh-CN': '不超过', en: 'at most' },
  fileMin: { 'zh-CN': '不小于', en: 'at least' },
  photoSpec: { 'zh-CN': '照片要求', en: 'Photo' },
  colourPhoto: { 'zh-CN': '彩色，白色背景', en: 'colour, white background' },
  remove: { 'zh-CN': '删除', en: 'Remove' },
  draftRestored: { 'zh-CN': '已恢复您上次未提交的草稿', en: 'We restored the draft you had not submitted' },
  draftSavedAt: { 'zh-CN': '保存于', en: 'saved' },
  startAgain: { 'zh-CN': '重新开始', en: 'Start again' },
  draftDiscarded: {
    'zh-CN': '上次保存的草稿超出了本表允许的大小，无法恢复，已删除。请重新填写。',
    en: 'The saved draft was larger than this form allows, so it could not be restored and was deleted. Please fill in the form again.',
  },
  draftsOff: {
    'zh-CN': '此浏览器无法安全保存草稿，草稿功能已关闭，请在离开页面前提交。',
    en: 'This browser cannot keep drafts safely, so drafts are off: submit before you leave the page.',
  },
  receiptTitle: { 'zh-CN': '申请已提交', en: 'Application submitted' },
  receiptForm: { 'zh-CN': '申请表', en: 'Form' },
  receiptServices: { 'zh-CN': '申请事项', en: 'Services' },
  receiptTime: { 'zh-CN': '提交时间', en: 'Submitted at' },
  receiptNonce: { 'zh-CN': '提交编号', en: 'Submission number' },
  receiptDigest: { 'zh-CN': '数据摘要（SHA-256）', en: 'Data digest (SHA-256)' },
  receiptReference: { 'zh-CN': '受理编号', en: 'Reference' },
  print: { 'zh-CN': '打印回执', en: 'Print receipt' },
  submitFailed: {
    'zh-CN': '提交未成功，您填写的内容都已保留，请稍后再试。',
    en: 'The application could not be submitted. Everything you entered is kept; try again later.',
  },
  recipients: { 'zh-CN': '提交后，您填写的信息将分别提供给：', en: 'When you submit, your answers go to:' },
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
