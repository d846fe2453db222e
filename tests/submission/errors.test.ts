import { describe, expect, it } from 'vitest';
import {
  isVerifyErrorCode,
  VERIFY_ERROR_CODES,
  VERIFY_ERROR_MESSAGES,
  type VerifyErrorCode,
  verifyErrorMessage,
  YibiaoUsageError,
  YibiaoVerifyError,
} from '../../src/submission/errors.js';

const ALL: readonly VerifyErrorCode[] = [
  'E_MALFORMED',
  'E_LIMIT',
  'E_ALG_NOT_ALLOWED',
  'E_KEY_UNTRUSTED',
  'E_KEY_INVALID',
  'E_SIG_INVALID',
  'E_NOT_CANONICAL',
  'E_DUPLICATE_KEY',
  'E_PAYLOAD_INVALID',
  'E_FORM_UNKNOWN',
  'E_SCHEMA_MISMATCH',
  'E_FORM_VERSION_MISMATCH',
  'E_DATA_INVALID',
  'E_UNTICKED_SECTION',
  'E_ROUTING_MISMATCH',
  'E_EXPIRED',
  'E_IAT_FUTURE',
  'E_REPLAY',
  'E_ATTACHMENT_DIGEST',
  'E_PART_MISMATCH',
];

describe('verification error catalogue', () => {
  it('has exactly the documented codes', () => {
    expect([...VERIFY_ERROR_CODES].sort()).toEqual([...ALL].sort());
  });

  it.each(ALL)('%s has a zh-CN and an English message', (code) => {
    const message = verifyErrorMessage(code);
    expect(message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(message.en).toMatch(/^[A-Z]/);
    expect(message.en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(VERIFY_ERROR_MESSAGES[code]).toBe(message);
  });

  it('recognises codes and nothing else', () => {
    expect(isVerifyErrorCode('E_REPLAY')).toBe(true);
    expect(isVerifyErrorCode('toString')).toBe(false);
    expect(isVerifyErrorCode('e_replay')).toBe(false);
    expect(isVerifyErrorCode(undefined)).toBe(false);
  });
});

describe('YibiaoVerifyError', () => {
  it('carries a code, a pointer and the English message', () => {
    const error = new YibiaoVerifyError('E_DUPLICATE_KEY', { pointer: '/data/applicant/name' });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('E_DUPLICATE_KEY');
    expect(error.pointer).toBe('/data/applicant/name');
    expect(error.message).toBe('E_DUPLICATE_KEY: The signed content has a duplicate key at "/data/applicant/name"');
    expect(error.name).toBe('YibiaoVerifyError');
  });
});

describe('YibiaoUsageError', () => {
  it('is a TypeError with a stable code', () => {
    const error = new YibiaoUsageError('verify: "options.forms" must be a FormRegistry');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.code).toBe('ERR_SUBMISSION_USAGE');
  });
});
