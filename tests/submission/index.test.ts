import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  DepartmentPart,
  PartVerdict,
  Routing,
  Signer,
  SignOptions,
  SubmissionPayload,
  Verdict,
  VerifyErrorCode,
  VerifyOptions,
} from '../../src/submission/index.js';
import * as api from '../../src/submission/index.js';

const srcDir = new URL('../../src/submission/', import.meta.url);

describe('public API (src/submission/index.ts)', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_CLOCK_SKEW_SECONDS',
        'DEPARTMENTS',
        'algorithmOfJwk',
        'deriveRouting',
        'generateEs256Jwk',
        'isDepartmentId',
        'signerFromPrivateJwk',
        'split',
        'toPublicJwk',
        'toSm2PublicJwk',
        'verifyPart',
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
        'issueKeyBinding',
        'KEY_BINDING_TYPE',
        'MAX_KEY_BINDING_LENGTH',
        'prepareBindingIssuers',
        'verifyKeyBinding',
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
    expectTypeOf<Extract<Verdict, { ok: true }>['authenticity']>().toEqualTypeOf<'embedded-key' | 'trusted-key' | 'bound'>();
    expectTypeOf<Signer['alg']>().toEqualTypeOf<'ES256' | 'SM3withSM2'>();
    expectTypeOf<SubmissionPayload['routing']>().toEqualTypeOf<Routing>();
    expectTypeOf(api.split).parameters.toEqualTypeOf<[SubmissionPayload, string]>();
    expectTypeOf(api.split).returns.toEqualTypeOf<DepartmentPart[]>();
    expectTypeOf(api.verifyPart).returns.toEqualTypeOf<Promise<PartVerdict>>();
    // Backward compatible for the widget: the same parameters as before, plus optional options.
    expectTypeOf(api.createDeviceSigner).parameters.toEqualTypeOf<[]>();
    expectTypeOf(api.signSubmission).parameters.toEqualTypeOf<[SubmissionPayload, Signer, (SignOptions | undefined)?]>();
  });

  it('does not export SM2 signing or the SQLite store (separate entries)', () => {
    const index = readFileSync(new URL('index.ts', srcDir), 'utf8');
    expect(index).not.toMatch(/from '\.\/(sm2|sm2-signer|sqlite-nonce-store)\.js'/);
    expect(Object.keys(api)).not.toContain('createSm2Signer');
    expect(Object.keys(api)).not.toContain('createSqliteNonceStore');
  });

  it('uses named exports only, listed by name', () => {
    const index = readFileSync(new URL('index.ts', srcDir), 'utf8');
    expect(index).not.toMatch(/export \*/);
    expect(index).not.toMatch(/export default/);
  });
});

/** Node-only modules of src/submission, never exported from its index (tested above). */
const NODE_ONLY = new Set(['sqlite-nonce-store.ts']);
/**
 * Files that use node:crypto or node:buffer when the host is Node and Web
 * APIs otherwise (the verifier's fast path, docs in node-builtin.ts).
 */
const NODE_WHEN_PRESENT = new Set(['node-builtin.ts', 'node-crypto-backend.ts', 'node-base64url.ts']);

describe('the one hard rule: src/submission runs in the browser', () => {
  const files = readdirSync(srcDir).filter((f) => f.endsWith('.ts') && !NODE_ONLY.has(f));

  it('keeps the SQLite store Node-only: it imports better-sqlite3 and no node: module', () => {
    const text = readFileSync(new URL('sqlite-nonce-store.ts', srcDir), 'utf8');
    expect(text).toMatch(/from 'better-sqlite3'/);
    expect(text).not.toMatch(/from 'node:/);
  });

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
      const allowed = from.startsWith('./') || from.startsWith('../runtime/') || from.startsWith('../ir/') || from.startsWith('../types/') || from === 'jose' || from === 'canonicalize';
      expect(allowed, `${file} imports ${from}`).toBe(true);
    }
    expect(text).not.toMatch(/\b(eval|new Function|require)\s*\(/);
    expect(text).not.toMatch(/\bfetch\s*\(/);
    if (NODE_WHEN_PRESENT.has(file)) {
      // Node's built-ins only through process.getBuiltinModule, looked up at run time: nothing for a bundler to resolve.
      expect(text).not.toMatch(/\bprocess\.(?!getBuiltinModule\b)/);
    } else {
      expect(text).not.toMatch(/\bprocess\.|\bBuffer\b/);
    }
  });

  it('reaches Node built-ins in node-builtin.ts only, and there with a fallback for other hosts', () => {
    const callers = files.filter((f) => /process\.getBuiltinModule\s*\(/.test(readFileSync(new URL(f, srcDir), 'utf8')));
    expect(callers).toEqual(['node-builtin.ts']);
    const text = readFileSync(new URL('node-builtin.ts', srcDir), 'utf8');
    expect(text).toMatch(/typeof process === 'undefined'/);
  });
});

describe('the Node API (src/index.ts)', () => {
  it('exports the SQLite nonce store, SM2 signing, routing and split', async () => {
    const node = await import('../../src/index.js');
    for (const name of [
      'createSqliteNonceStore',
      'MIN_NONCE_RETENTION_SECONDS',
      'createSm2Signer',
      'generateSm2Jwk',
      'deriveRouting',
      'split',
      'verifyPart',
      'signerFromPrivateJwk',
      'generateEs256Jwk',
      'verify',
      'buildPayload',
      'signSubmission',
      'createDeviceSigner',
      'createMemoryNonceStore',
    ]) {
      expect(typeof (node as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
  });
});
