import type { Lang, LocalizedText } from '../../ir/types.js';
import { textIn } from './localized-texts.js';

/**
 * Message templates by stable issue code. `{field}` is the field's title in the
 * message's language; other `{name}`s come from the params.
 *
 * Messages describe the problem and never echo the value (DOMAIN.md §11.5):
 * an ID number or an account number must not end up in a log line.
 */
const TEMPLATES: Readonly<Record<string, LocalizedText>> = {
  required: { 'zh-CN': '请填写“{field}”', en: 'Enter {field}' },
  'required:section': { 'zh-CN': '请填写“{field}”部分', en: 'Complete the section {field}' },
  'required:choice': { 'zh-CN': '请选择“{field}”', en: 'Select {field}' },
  enum: { 'zh-CN': '请从列表中选择“{field}”', en: 'Choose {field} from the list' },
  'required:tick': { 'zh-CN': '请勾选“{field}”', en: 'Tick {field}' },
  type: { 'zh-CN': '“{field}”的类型不正确', en: '{field} has the wrong type' },
  maxLength: { 'zh-CN': '“{field}”不能超过{limit}个字符', en: '{field} must be {limit} characters or fewer' },
  minLength: { 'zh-CN': '请填写“{field}”', en: 'Enter {field}' },
  pattern: { 'zh-CN': '“{field}”的格式不正确', en: '{field} is not in the right format' },
  minimum: { 'zh-CN': '“{field}”不能小于{limit}', en: '{field} must be {limit} or more' },
  maximum: { 'zh-CN': '“{field}”不能大于{limit}', en: '{field} must be {limit} or less' },
  exclusiveMinimum: { 'zh-CN': '“{field}”必须大于{limit}', en: '{field} must be more than {limit}' },
  exclusiveMaximum: { 'zh-CN': '“{field}”必须小于{limit}', en: '{field} must be less than {limit}' },
  multipleOf: { 'zh-CN': '“{field}”的精度不正确', en: '{field} has too many decimal places' },
  minItems: { 'zh-CN': '请至少选择一项“{field}”', en: 'Select at least one option in {field}' },
  maxItems: { 'zh-CN': '“{field}”选择的项目过多', en: 'Too many options selected in {field}' },
  uniqueItems: { 'zh-CN': '“{field}”有重复的选项', en: '{field} has a duplicated option' },
  additionalProperties: {
    'zh-CN': '表单中有不属于本表的内容“{additionalProperty}”',
    en: 'The form has a field it does not define: {additionalProperty}',
  },
  propertyNames: { 'zh-CN': '表单中有不属于本表的部分“{propertyName}”', en: 'The form has a part it does not define: {propertyName}' },
  E_SECTION_UNTICKED: {
    'zh-CN': '未勾选对应事项，不应提交“{field}”部分',
    en: 'The section {field} must not be sent: its service is not ticked',
  },
  E_FIELD_NOT_APPLICABLE: {
    'zh-CN': '当前选择下不应填写“{field}”',
    en: '{field} does not apply to the current choice',
  },
  'format:date': { 'zh-CN': '请按“年-月-日”填写有效的“{field}”', en: 'Enter {field} as a real date (YYYY-MM-DD)' },
  'format:year-month': { 'zh-CN': '请按“年-月”填写“{field}”', en: 'Enter {field} as year and month (YYYY-MM)' },
  'format:date-or-permanent': {
    'zh-CN': '请填写有效的“{field}”或选择“长期”',
    en: 'Enter {field} as a real date, or choose “permanent”',
  },
  'format:cn-mobile': { 'zh-CN': '“{field}”应为11位手机号码', en: '{field} must be an 11-digit mobile number' },
  'format:cn-landline': {
    'zh-CN': '“{field}”应为带区号的固定电话号码',
    en: '{field} must be a landline number with its area code',
  },
  'format:cn-phone': {
    'zh-CN': '“{field}”应为11位手机号码或带区号的固定电话',
    en: '{field} must be an 11-digit mobile number or a landline with its area code',
  },
  'format:cn-postcode': { 'zh-CN': '“{field}”应为6位数字', en: '{field} must be 6 digits' },
  'format:cn-uscc': {
    'zh-CN': '“{field}”不是有效的统一社会信用代码（校验码不正确）',
    en: '{field} is not a valid unified social credit code (check character is wrong)',
  },
  'format:bank-account': { 'zh-CN': '“{field}”应为8至32位数字', en: '{field} must be 8 to 32 digits' },
  'format:cn-resident-id': {
    'zh-CN': '“{field}”不是有效的18位居民身份证号码',
    en: '{field} is not a valid 18-character resident ID number',
  },
  E_ID_SHAPE: { 'zh-CN': '“{field}”的位数或格式不正确', en: '{field} has the wrong length or format' },
  E_ID_DATE: { 'zh-CN': '“{field}”中的出生日期无效', en: 'The birth date in {field} is not valid' },
  E_ID_CHECKSUM: { 'zh-CN': '“{field}”校验码不正确，请核对', en: 'The check character of {field} is wrong; check the number' },
  E_ID_REGION: { 'zh-CN': '“{field}”的地址码不正确', en: 'The region code of {field} is not valid' },
  E_ID_LEGACY15: {
    'zh-CN': '“{field}”为15位旧号码，请填写18位号码',
    en: '{field} is an old 15-digit number; enter the 18-character number',
  },
  E_ID_TYPE_MISMATCH: {
    'zh-CN': '“{field}”与所选证件类型不符',
    en: '{field} does not match the chosen document type',
  },
  E_ID_FOREIGN_PR_OLD: {
    'zh-CN': '请使用新版（18位）外国人永久居留身份证号码',
    en: 'Use the number of the new (18-digit) foreign permanent residence ID card',
  },
  W_ID_REGION_TW: { 'zh-CN': '“{field}”地址码为台湾，请核对', en: 'The region code of {field} is Taiwan; please check' },
  E_ID_SEX_MISMATCH: {
    'zh-CN': '“{field}”与证件号码中的性别不一致',
    en: '{field} does not match the sex encoded in the ID number',
  },
  E_ID_BIRTH_MISMATCH: {
    'zh-CN': '“{field}”与证件号码中的出生日期不一致',
    en: '{field} does not match the birth date encoded in the ID number',
  },
  E_AGE_MIN: {
    'zh-CN': '办理该事项须年满{min}周岁',
    en: 'You must be at least {min} years old for this service',
  },
  E_AGE_RETIRED: {
    'zh-CN': '已达到法定退休年龄（{retireOn}），不能办理该事项',
    en: 'You reached statutory retirement age on {retireOn}; this service is not available',
  },
  W_AGE_RETIRED: {
    'zh-CN': '可能已达到法定退休年龄（{retireOn}），请核实',
    en: 'You may have reached statutory retirement age ({retireOn}); please check',
  },
  W_AGE_MAY_BE_RETIRED: {
    'zh-CN': '可能已达到法定退休年龄，请核实',
    en: 'You may have reached statutory retirement age; please check',
  },
  E_DATE_ORDER: {
    'zh-CN': '“{field}”必须晚于“{other}”',
    en: '{field} must be after {other}',
  },
  E_DATE_PAST: { 'zh-CN': '“{field}”已过期', en: '{field} has already passed' },
  E_DATE_FUTURE: { 'zh-CN': '“{field}”不能晚于今天', en: '{field} cannot be in the future' },
  W_DATE_SPAN: {
    'zh-CN': '证件有效期通常为5年、10年或20年，请核对“{field}”',
    en: 'ID cards are usually valid for 5, 10 or 20 years; check {field}',
  },
  E_EXCLUSIVE: {
    'zh-CN': '“{a}”与“{b}”为互斥业务，只能选择办理其中一项',
    en: '“{a}” and “{b}” exclude each other; choose only one',
  },
  E_PREREQUISITE: {
    'zh-CN': '办理“{service}”需先完成“{missing}”，请同时勾选或声明已参保',
    en: '“{service}” needs “{missing}” first: tick it too, or declare that you are already insured',
  },
  W_PREREQUISITE: {
    'zh-CN': '办理“{service}”需已完成“{missing}”，请确认',
    en: '“{service}” needs “{missing}” to be done already; please confirm',
  },
  E_BANK_ACCOUNT_FORMAT: { 'zh-CN': '“{field}”应为8至32位数字', en: '{field} must be 8 to 32 digits' },
  W_BANK_LUHN: { 'zh-CN': '“{field}”可能有误，请核对账号', en: '{field} may be mistyped; check the account number' },
  E_DIVISION: { 'zh-CN': '请重新选择“{field}”：所选行政区划不存在或不属于上一级', en: 'Choose {field} again: that division does not exist or is not part of the one above it' },
  E_INVALID: { 'zh-CN': '“{field}”填写有误', en: '{field} is not valid' },
  E_CROSS_ORIGIN_FRAME: {
    'zh-CN': '本表单被嵌入在其他网站的页面中，为保护您的信息，不能在此提交。请直接打开办事网站填写。',
    en: 'This form is shown inside another website’s page; to protect your information it cannot be submitted here. Open the service’s own website instead.',
  },
  E_RULES_LOADING: {
    'zh-CN': '表单的校验规则尚未加载完成，请稍候再试；如仍不行，请检查网络。您填写的内容已保留。',
    en: 'The form’s rules have not loaded yet. Try again in a moment, and check your connection if it keeps failing. Everything you typed is kept.',
  },
  E_FILE_REQUIRED: { 'zh-CN': '请上传“{field}”', en: 'Upload {field}' },
  E_FILE_TYPE: {
    'zh-CN': '“{field}”须为 {types} 文件（按文件内容判断，与文件名无关）',
    en: '{field} must be a {types} file (judged by its content, not its name)',
  },
  E_FILE_TOO_LARGE: { 'zh-CN': '“{field}”的文件不能大于 {limit}', en: 'The file for {field} must be {limit} or smaller' },
  E_FILE_TOO_SMALL: { 'zh-CN': '“{field}”的文件不能小于 {limit}', en: 'The file for {field} must be {limit} or larger' },
  E_FILE_TOO_MANY: { 'zh-CN': '最多可上传 {limit} 个文件', en: 'You can upload at most {limit} files' },
  E_FILE_CORRUPT: { 'zh-CN': '“{field}”的文件已损坏，无法读取', en: 'The file for {field} is damaged and cannot be read' },
  E_FILE_PIXELS: {
    'zh-CN': '“{field}”的图片过大（超过 {limit} 百万像素），请缩小后上传',
    en: 'The image for {field} is too large (over {limit} megapixels); make it smaller',
  },
  E_PDF_ACTIVE: {
    'zh-CN': '“{field}”的 PDF 含有可执行内容（/{name}），请另存或打印为普通 PDF 后上传',
    en: 'The PDF for {field} contains active content (/{name}); save or print it as a plain PDF and upload that',
  },
  E_PHOTO_PIXELS: {
    'zh-CN': '照片须为 {width}×{height} 像素（宽×高），当前为 {actualWidth}×{actualHeight} 像素',
    en: 'The photo must be {width} × {height} pixels (width × height); it is {actualWidth} × {actualHeight}',
  },
  E_PHOTO_DPI: {
    'zh-CN': '照片分辨率须为 {dpi} DPI，当前为 {actual}',
    en: 'The photo must be {dpi} DPI; it is {actual}',
  },
  W_PHOTO_DPI_SET: {
    'zh-CN': '“{field}”的分辨率为 {actual}，已按要求设为 {dpi} DPI（照片像素未改动）。',
    en: 'The resolution of {field} was {actual}; it has been set to {dpi} DPI as required (the pixels are unchanged).',
  },
  W_PHOTO_BACKGROUND: {
    'zh-CN': '“{field}”的背景看起来不是白色。社会保障卡照片须为白底证件照，请核对后再提交（本提示不影响提交）。',
    en: 'The background of {field} does not look white. The card photo must have a white background; check it before you submit (this does not stop the submission).',
  },
  E_PHOTO_COLOUR: { 'zh-CN': '照片须为彩色照片，当前为黑白照片', en: 'The photo must be in colour; it is black and white' },
  E_PHOTO_ORIENTATION: {
    'zh-CN': '照片带有旋转标记，请旋转并另存后再上传',
    en: 'The photo is marked as rotated; rotate it, save it, then upload it',
  },
};

/** Everything a template can refer to. */
export type MessageParams = Readonly<Record<string, unknown>>;

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The localised message for an issue code.
 *
 * @param code - stable issue code (see {@link TEMPLATES}); unknown codes fall back to `E_INVALID`.
 * @param field - the field's title in both languages.
 * @param params - template values; a value that is itself a LocalizedText is used per language.
 * @returns the message in zh-CN and English.
 */
export function formatMessage(code: string, field: LocalizedText, params: MessageParams = {}): LocalizedText {
  const template = TEMPLATES[code] ?? TEMPLATES.E_INVALID;
  const per = (lang: Lang): string => {
    // A built widget's model has its English titles only once that lazy part is in: zh-CN until then.
    const values: Record<string, string> = { field: textIn(field, lang) };
    for (const [key, value] of Object.entries(params)) {
      if (value !== null && typeof value === 'object' && typeof (value as Partial<LocalizedText>)['zh-CN'] === 'string') {
        values[key] = textIn(value as LocalizedText, lang);
      } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        values[key] = String(value);
      }
    }
    return fill((template as LocalizedText)[lang], values);
  };
  return { 'zh-CN': per('zh-CN'), en: per('en') };
}

/** Whether a code has its own template (used by tests to keep the catalogue complete). */
export function hasMessage(code: string): boolean {
  return Object.hasOwn(TEMPLATES, code);
}
