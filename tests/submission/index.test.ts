import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { SubmissionPayload, Verdict, VerifyErrorCode, VerifyOptions } from '../../src/submission/index.js';
import * as api from '../../src/submission/index.js';

const srcDir = new URL('../../src/submission/', import.meta.url);

describe('public API (src/submission/index.ts)', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_CLOCK_SKEW_SECONDS',
        'DEFAULT_MAX_AGE_SECONDS',
        'HEADER_TYPE',
        'MAX_ARRAY_LENGTH',
        'MAX_ATTACHMENTS',
        'MAX_ATTACHMENT_BYTES',
        'MAX_DEPTH',
        'MAX_HEADER_BYTES',
        'MAX_KEYS',
        'MAX_PAYLOAD_BYTES',
        'MAX_STRING_LENGTH',
        'MAX_TOKEN_BYTES',
        'PAYLOAD_TYPE',
        'PAYLOAD_VERSION',
        'SUBMISSION_LIFETIME_SECONDS',
        'SUPPORTED_ALGORITHMS',
        'VERIFY_ERROR_CODES',
        'VERIFY_ERROR_MESSAGES',
        'YibiaoUsageError',
        'YibiaoVerifyError',
        'buildPayload',
        'canonicalBytes',
        'checkPayloadShape',
        'createDeviceSigner',
        'createMemoryNonceStore',
        'describeAttachment',
        'findTextProblems',
        'isSignatureAlgorithm',
        'isVerifyErrorCode',
        'jwkThumbprint',
        'parseCanonical',
        'sha256Hex',
        'shanghaiDate',
        'signSubmission',
        'signerFromKeyPair',
        'toP256PublicJwk',
        'verify',
        'verifyErrorMessage',
      ].sort(),
    );
  });

  it('has the documented signatures', () => {
    expectTypeOf(api.canonicalBytes).parameters.toEqualTypeOf<[unknown]>();
    expectTypeOf(api.canonicalBytes).returns.toEqualTypeOf<Uint8Array>();
    expectTypeOf(api.parseCanonical).returns.toEqualTypeOf<unknown>();
    expectTypeOf(api.signSubmission).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(api.verify).parameters.toEqualTypeOf<[string, VerifyOptions]>();
    expectTypeOf(api.verify).returns.toEqualTypeOf<Promise<Verdict>>();
    expectTypeOf<SubmissionPayload['typ']>().toEqualTypeOf<'yibiao-submission'>();
    expectTypeOf<SubmissionPayload['lang']>().toEqualTypeOf<'zh-CN' | 'en'>();
    expectTypeOf<Extract<Verdict, { ok: false }>['code']>().toEqualTypeOf<VerifyErrorCode>();
    expectTypeOf<Extract<Verdict, { ok: true }>['authenticity']>().toEqualTypeOf<'embedded-key' | 'trusted-key'>();
  });

  it('uses named exports only, listed by name', () => {
    const index = readFileSync(new URL('index.ts', srcDir), 'utf8');
    expect(index).not.toMatch(/export \*/);
    expect(index).not.toMatch(/export default/);
  });
});

describe('the one hard rule: src/submission runs in the browser', () => {
  const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports only Web-safe modules', (file) => {
    const text = readFileSync(new URL(file, srcDir), 'utf8');
    const imports = [...text.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/gms)].map((m) => ({
      typeOnly: m[2] !== undefined,
      from: m[3] ?? '',
    }));
    for (const { typeOnly, from } of imports) {
      expect(from).not.toMatch(/^node:/);
      expect(from).not.toMatch(/\/(schema|compile|cli)\//);
      expect(from).not.toMatch(/^ajv/);
      if (/\/ir\//.test(from)) expect(typeOnly, `${file} imports a value from ${from}`).toBe(true);
      const allowed = from.startsWith('./') || from.startsWith('../runtime/') || from.startsWith('../ir/') || from === 'jose' || from === 'canonicalize';
      expect(allowed, `${file} imports ${from}`).toBe(true);
    }
    expect(text).not.toMatch(/\b(eval|new Function|require)\s*\(/);
    expect(text).not.toMatch(/\bfetch\s*\(/);
    expect(text).not.toMatch(/\bprocess\.|\bBuffer\b/);
  });
});
