import type { LocalizedText } from '../ir/types.js';

/**
 * Why a signed submission was refused. Stable: integrators match on these,
 * the CLI prints them, and the intake returns them with a correlation id.
 */
export type VerifyErrorCode =
  | 'E_MALFORMED'
  | 'E_LIMIT'
  | 'E_ALG_NOT_ALLOWED'
  | 'E_KEY_UNTRUSTED'
  | 'E_KEY_INVALID'
  | 'E_SIG_INVALID'
  | 'E_NOT_CANONICAL'
  | 'E_DUPLICATE_KEY'
  | 'E_PAYLOAD_INVALID'
  | 'E_FORM_UNKNOWN'
  | 'E_SCHEMA_MISMATCH'
  | 'E_FORM_VERSION_MISMATCH'
  | 'E_DATA_INVALID'
  | 'E_UNTICKED_SECTION'
  | 'E_ROUTING_MISMATCH'
  | 'E_EXPIRED'
  | 'E_IAT_FUTURE'
  | 'E_REPLAY'
  | 'E_ATTACHMENT_DIGEST'
  | 'E_PART_MISMATCH';

/**
 * Every verification error code with its message in both languages.
 * Messages name the problem, never a value from the token: a token carries
 * 身份证号码 and 手机号码, and these messages end up in logs (SECURITY.md §2 "Errors").
 */
export const VERIFY_ERROR_MESSAGES: Readonly<Record<VerifyErrorCode, LocalizedText>> = {
  E_MALFORMED: {
    'zh-CN': '提交令牌或其内容格式不正确',
    en: 'The token or its content is not well-formed (JWS compact serialisation of UTF-8 JSON)',
  },
  E_LIMIT: {
    'zh-CN': '提交令牌超出大小或结构限制',
    en: 'The token exceeds a size or structure limit',
  },
  E_ALG_NOT_ALLOWED: {
    'zh-CN': '不接受该签名算法',
    en: 'The signature algorithm is not allowed',
  },
  E_KEY_UNTRUSTED: {
    'zh-CN': '签名密钥不受信任',
    en: 'The signing key is not trusted',
  },
  E_KEY_INVALID: {
    'zh-CN': '签名密钥无效',
    en: 'The signing key is not a valid public key for the algorithm (P-256 for ES256, SM2 for SM3withSM2)',
  },
  E_SIG_INVALID: {
    'zh-CN': '签名验证失败，内容可能已被篡改',
    en: 'The signature does not verify; the content may have been altered',
  },
  E_NOT_CANONICAL: {
    'zh-CN': '签名内容不是规范化 JSON（RFC 8785）',
    en: 'The signed content is not canonical JSON (RFC 8785)',
  },
  E_DUPLICATE_KEY: {
    'zh-CN': '签名内容中有重复的键',
    en: 'The signed content has a duplicate key',
  },
  E_PAYLOAD_INVALID: {
    'zh-CN': '提交内容的结构不正确',
    en: 'The submission does not have the expected structure',
  },
  E_FORM_UNKNOWN: {
    'zh-CN': '本系统没有该表单',
    en: 'The form is not known to this server',
  },
  E_SCHEMA_MISMATCH: {
    'zh-CN': '表单定义与本系统不一致，请刷新页面后重新填报',
    en: 'The form definition (schema hash) differs from this server’s; reload the page and submit again',
  },
  E_FORM_VERSION_MISMATCH: {
    'zh-CN': '表单版本号与本系统不一致',
    en: 'The form version differs from this server’s',
  },
  E_DATA_INVALID: {
    'zh-CN': '填报内容未通过校验',
    en: 'The form data does not pass validation',
  },
  E_UNTICKED_SECTION: {
    'zh-CN': '提交了未勾选事项的内容',
    en: 'The submission contains a section of a service that is not ticked',
  },
  E_ROUTING_MISMATCH: {
    'zh-CN': '分送部门信息与所勾选事项不一致',
    en: 'The routing to departments is not the one the ticked services determine',
  },
  E_EXPIRED: {
    'zh-CN': '提交已过期，请重新提交',
    en: 'The submission has expired; submit it again',
  },
  E_IAT_FUTURE: {
    'zh-CN': '提交时间晚于当前时间，请检查设备时钟',
    en: 'The submission is dated in the future; check the device clock',
  },
  E_REPLAY: {
    'zh-CN': '该提交已收到过（重复提交）',
    en: 'This submission has already been received (replay)',
  },
  E_ATTACHMENT_DIGEST: {
    'zh-CN': '附件与申报的摘要不一致，或有缺少、多余的附件',
    en: 'An attachment does not match its declared digest, or one is missing or extra',
  },
  E_PART_MISMATCH: {
    'zh-CN': '部门分件与原签名提交不一致',
    en: 'The department part does not match the signed submission it carries',
  },
};

/** All verification error codes, in catalogue order. */
export const VERIFY_ERROR_CODES: readonly VerifyErrorCode[] = Object.freeze(
  Object.keys(VERIFY_ERROR_MESSAGES) as VerifyErrorCode[],
);

/**
 * Tells whether a value is one of the {@link VerifyErrorCode}s.
 *
 * @param value - anything.
 * @returns true for a known code.
 */
export function isVerifyErrorCode(value: unknown): value is VerifyErrorCode {
  return typeof value === 'string' && Object.hasOwn(VERIFY_ERROR_MESSAGES, value);
}

/**
 * The localised message of a verification error code.
 *
 * @param code - a verification error code.
 * @returns the message in zh-CN and English.
 * @example
 * verifyErrorMessage('E_REPLAY').en; // 'This submission has already been received (replay)'
 */
export function verifyErrorMessage(code: VerifyErrorCode): LocalizedText {
  return VERIFY_ERROR_MESSAGES[code];
}

/** Options of {@link YibiaoVerifyError}. */
export interface VerifyErrorOptions {
  /** JSON pointer of the offending place (never its value). */
  readonly pointer?: string;
  /** A technical detail for developers; must not contain data from the token. */
  readonly detail?: string;
  readonly cause?: unknown;
}

/**
 * A submission that is not acceptable: thrown by {@link canonicalBytes},
 * {@link parseCanonical} and the payload checks, and turned into a failed
 * verdict by `verify` (which itself never throws for bad input).
 */
export class YibiaoVerifyError extends Error {
  /** Stable code, see {@link VerifyErrorCode}. */
  readonly code: VerifyErrorCode;
  /** JSON pointer of the offending place, when there is one. */
  readonly pointer: string | undefined;

  /**
   * @param code - what is wrong.
   * @param options - where, a technical detail and the cause.
   */
  constructor(code: VerifyErrorCode, options: VerifyErrorOptions = {}) {
    const where = options.pointer === undefined ? '' : ` at "${options.pointer}"`;
    const detail = options.detail === undefined ? '' : ` (${options.detail})`;
    super(`${code}: ${VERIFY_ERROR_MESSAGES[code].en}${where}${detail}`, { cause: options.cause });
    this.name = 'YibiaoVerifyError';
    this.code = code;
    this.pointer = options.pointer;
  }
}

/**
 * A programmer error in a call to the submission API (a missing registry, a
 * signer that returns a DER signature, an option of the wrong type). Never
 * caused by the content of a token.
 */
export class YibiaoUsageError extends TypeError {
  /** Stable code of all usage errors of the submission API. */
  readonly code = 'ERR_SUBMISSION_USAGE' as const;

  /** @param message - what is wrong, naming the argument. */
  constructor(message: string) {
    super(message);
    this.name = 'YibiaoUsageError';
  }
}
