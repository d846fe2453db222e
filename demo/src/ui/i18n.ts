import { signal } from './signal.js';

/** The designer's own languages (its chrome; the preview has its own switch). */
export type UiLang = 'zh-CN' | 'en';

/** The designer's language; the page follows it. */
export const uiLang = signal<UiLang>('zh-CN');

const TEXT = {
  appTitle: { 'zh-CN': '一表 表单设计器', en: 'yibiao form designer' },
  form: { 'zh-CN': '表单', en: 'Form' },
  newFromTemplate: { 'zh-CN': '从模板新建表单…', en: 'New form from template…' },
  newFormTitle: { 'zh-CN': '从模板新建表单', en: 'New form from template' },
  newFormHint: { 'zh-CN': '模板：两个联办事项、一个随事项显示的分节。表单编号用小写字母、数字和连字符。', en: 'Template: two services and one section shown while its service is ticked. Ids use lower-case letters, digits and hyphens.' },
  formId: { 'zh-CN': '表单编号', en: 'Form id' },
  create: { 'zh-CN': '新建', en: 'Create' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  idInvalid: { 'zh-CN': '编号须以小写字母开头，只含小写字母、数字和连字符', en: 'The id must start with a lower-case letter and hold only lower-case letters, digits and hyphens' },
  idTaken: { 'zh-CN': '该编号已被使用', en: 'That id is taken' },
  extendsBase: { 'zh-CN': '扩展自 {base}', en: 'extends {base}' },
  uiLanguage: { 'zh-CN': '界面', en: 'Interface' },
  editor: { 'zh-CN': '结构编辑器', en: 'Schema editor' },
  files: { 'zh-CN': '文件', en: 'Files' },
  find: { 'zh-CN': '查找', en: 'Find' },
  findPlaceholder: { 'zh-CN': '查找文本（回车：下一个）', en: 'Find text (Enter: next)' },
  findNext: { 'zh-CN': '下一个', en: 'Next' },
  findPrevious: { 'zh-CN': '上一个', en: 'Previous' },
  close: { 'zh-CN': '关闭', en: 'Close' },
  notFound: { 'zh-CN': '未找到', en: 'Not found' },
  matchOf: { 'zh-CN': '第 {n} 处，共 {total} 处', en: '{n} of {total}' },
  downloadFile: { 'zh-CN': '下载此文件', en: 'Download this file' },
  problems: { 'zh-CN': '问题', en: 'Problems' },
  noProblems: { 'zh-CN': '没有问题', en: 'No problems' },
  problemCount: { 'zh-CN': '{errors} 个错误，{warnings} 个警告', en: '{errors} error(s), {warnings} warning(s)' },
  fix: { 'zh-CN': '修改', en: 'Fix' },
  showInEditor: { 'zh-CN': '在编辑器中显示', en: 'Show in editor' },
  notInEditor: { 'zh-CN': '（不在所编辑的文件中）', en: '(not in an edited file)' },
  compiling: { 'zh-CN': '编译中…', en: 'Compiling…' },
  compiled: { 'zh-CN': '编译 {compile} ms · 打包 {bundle} ms · 修改→预览 {latency} ms', en: 'compile {compile} ms · bundle {bundle} ms · edit→preview {latency} ms' },
  compileFailed: { 'zh-CN': '未生成：请先修正错误（预览保持上一版）', en: 'Not built: fix the errors (the preview keeps the last version)' },
  serverError: { 'zh-CN': '设计器服务出错：{message}', en: 'Designer server error: {message}' },
  preview: { 'zh-CN': '组件预览', en: 'Widget preview' },
  previewLang: { 'zh-CN': '语言', en: 'Language' },
  deviceWidth: { 'zh-CN': '宽度', en: 'Width' },
  phone: { 'zh-CN': '手机 375 px', en: 'Phone 375 px' },
  desktop: { 'zh-CN': '桌面', en: 'Desktop' },
  previewFrameTitle: { 'zh-CN': '生成的组件（沙箱预览）', en: 'Generated widget (sandboxed preview)' },
  previewEmpty: { 'zh-CN': '表单编译后在此显示', en: 'The form appears here once it compiles' },
  reference: { 'zh-CN': '参考渲染（@rjsf/core）', en: 'Reference rendering (@rjsf/core)' },
  referenceNote: { 'zh-CN': '同一份打包后的结构，由 @rjsf/core 与 @rjsf/validator-ajv8（加 yibiao 插件）渲染；数据跟随左侧组件。', en: 'The same bundled schema rendered by @rjsf/core with @rjsf/validator-ajv8 and the yibiao plugin; the data follows the widget.' },
  inspector: { 'zh-CN': '检查器', en: 'Inspector' },
  examples: { 'zh-CN': '示例', en: 'Examples' },
  parity: { 'zh-CN': '一致性', en: 'Parity' },
  payload: { 'zh-CN': '提交内容', en: 'Payload' },
  export: { 'zh-CN': '导出', en: 'Export' },
  example: { 'zh-CN': '示例', en: 'Example' },
  validExamples: { 'zh-CN': '有效示例', en: 'Valid examples' },
  invalidExamples: { 'zh-CN': '无效示例', en: 'Invalid examples' },
  loadExample: { 'zh-CN': '载入预览', en: 'Load into preview' },
  noExamples: { 'zh-CN': '此表单没有示例', en: 'This form has no examples' },
  expected: { 'zh-CN': '预期', en: 'Expected' },
  actual: { 'zh-CN': '实际', en: 'Actual' },
  expectValid: { 'zh-CN': '有效', en: 'valid' },
  expectInvalid: { 'zh-CN': '无效', en: 'invalid' },
  verdictAtDate: { 'zh-CN': '按示例的申请日期 {date} 校验（编译后的校验器）', en: 'Checked with the compiled validator at the example’s application date {date}' },
  verdictMatches: { 'zh-CN': '✓ 与预期一致', en: '✓ as expected' },
  verdictDiffers: { 'zh-CN': '✗ 与预期不符', en: '✗ not as expected' },
  found: { 'zh-CN': '找到', en: 'found' },
  missing: { 'zh-CN': '缺少', en: 'missing' },
  rule: { 'zh-CN': '规则', en: 'Rule' },
  path: { 'zh-CN': '路径', en: 'Path' },
  keyword: { 'zh-CN': '关键字', en: 'Keyword' },
  code: { 'zh-CN': '代码', en: 'Code' },
  message: { 'zh-CN': '提示', en: 'Message' },
  parityIntro: { 'zh-CN': '当前数据：编译后的校验器与 rjsf（ajv8 + 插件）逐个路径比较', en: 'Current data: the compiled validator and rjsf (ajv8 + plugin), path by path' },
  parityAgree: { 'zh-CN': '✓ 一致：{count} 个问题两边相同', en: '✓ They agree: {count} issue(s) on both sides' },
  parityDisagree: { 'zh-CN': '✗ {count} 处不一致', en: '✗ {count} disagreement(s)' },
  ours: { 'zh-CN': '编译校验器', en: 'Compiled validator' },
  rjsf: { 'zh-CN': 'rjsf', en: 'rjsf' },
  valid: { 'zh-CN': '有效', en: 'valid' },
  invalid: { 'zh-CN': '无效', en: 'invalid' },
  onlyOurs: { 'zh-CN': '仅编译校验器报告', en: 'only the compiled validator' },
  onlyRjsf: { 'zh-CN': '仅 rjsf 报告', en: 'only rjsf' },
  parityUnavailable: { 'zh-CN': '表单编译后可比较', en: 'Available once the form compiles' },
  payloadEmpty: { 'zh-CN': '在预览中提交后显示签名的提交内容', en: 'Submit in the preview to see the signed submission' },
  verifyResult: { 'zh-CN': '校验结果（verify）', en: 'Verify result' },
  header: { 'zh-CN': '保护头', en: 'Protected header' },
  decodedPayload: { 'zh-CN': '载荷', en: 'Payload' },
  canonicalBytes: { 'zh-CN': '规范字节（RFC 8785）', en: 'Canonical bytes (RFC 8785)' },
  canonicalSame: { 'zh-CN': '{bytes} 字节，与签名的载荷字节相同', en: '{bytes} bytes, identical to the signed payload bytes' },
  canonicalDiffers: { 'zh-CN': '{bytes} 字节，与签名的载荷字节不同！', en: '{bytes} bytes, NOT identical to the signed payload bytes!' },
  departments: { 'zh-CN': '按部门拆分', en: 'Per department' },
  splitNote: { 'zh-CN': '由 src/submission 的 split() 拆分，每一部分都像该部门那样用 verifyPart() 校验。', en: 'Split by split() of src/submission; each part is checked with verifyPart(), as its department would.' },
  paths: { 'zh-CN': '数据路径', en: 'Paths' },
  services: { 'zh-CN': '事项', en: 'Services' },
  downloadToken: { 'zh-CN': '下载令牌（JWS）', en: 'Download the token (JWS)' },
  token: { 'zh-CN': '令牌（JWS compact）', en: 'Token (JWS compact)' },
  attachedFiles: { 'zh-CN': '附件', en: 'Attached files' },
  downloadSchema: { 'zh-CN': '下载打包后的结构（schema.json）', en: 'Download the bundled schema (schema.json)' },
  downloadModule: { 'zh-CN': '下载生成的模块（{id}.js）', en: 'Download the generated module ({id}.js)' },
  embedSnippet: { 'zh-CN': '嵌入代码（政府网站）', en: 'Embed snippet (government site)' },
  moduleUrl: { 'zh-CN': '模块所在网址前缀', en: 'URL prefix of the module' },
  copy: { 'zh-CN': '复制', en: 'Copy' },
  copied: { 'zh-CN': '已复制', en: 'Copied' },
  moduleSize: { 'zh-CN': '模块 {size}', en: 'Module {size}' },
  exportUnavailable: { 'zh-CN': '表单编译后可导出', en: 'Available once the form compiles' },
  loading: { 'zh-CN': '载入中…', en: 'Loading…' },
} as const satisfies Record<string, Readonly<Record<UiLang, string>>>;

/** A key of the designer's texts. */
export type TextKey = keyof typeof TEXT;

/**
 * The designer's text for `key` in the current language, with `{name}` placeholders filled.
 *
 * @param key - the text.
 * @param params - values of the placeholders.
 */
export function t(key: TextKey, params: Readonly<Record<string, string | number>> = {}): string {
  return TEXT[key][uiLang.get()].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Attribute bindings: `data-i18n-<attribute>` holds the key of the attribute's text. */
const ATTRIBUTES = ['aria-label', 'title', 'placeholder'] as const;

/**
 * Marks an element whose text follows the designer's language and sets it now.
 *
 * @param element - the element (its children are replaced by the text).
 * @param key - the text.
 */
export function tx<E extends Element>(element: E, key: TextKey): E {
  element.setAttribute('data-i18n', key);
  element.textContent = t(key);
  return element;
}

/** Re-applies every marked text and attribute under `root` in the current language. */
export function applyUiLang(root: ParentNode): void {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    const key = element.getAttribute('data-i18n');
    if (key !== null && key in TEXT) element.textContent = t(key as TextKey);
  }
  for (const attribute of ATTRIBUTES) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      const key = element.getAttribute(`data-i18n-${attribute}`);
      if (key !== null && key in TEXT) element.setAttribute(attribute, t(key as TextKey));
    }
  }
}
