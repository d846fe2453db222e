/** docs/submission.md must agree with the code: its schema, its example token, its error table. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { base64url, compactVerify, EmbeddedJWK } from 'jose';
import smCrypto from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { parseCanonical } from '../../src/submission/canonicalize.js';
import { VERIFY_ERROR_CODES, VERIFY_ERROR_MESSAGES } from '../../src/submission/errors.js';
import { checkPayloadShape } from '../../src/submission/payload-shape.js';
import { cardOnlyData } from './fixture-form.js';
import { decoder, decodeSegment, mutablePayload, payloadOf, segments, sm2PublicHex } from './helpers.js';

const doc = readFileSync(new URL('../../docs/submission.md', import.meta.url), 'utf8');

function block(after: string, lang: string): string {
  const start = doc.indexOf(after);
  expect(start).toBeGreaterThan(-1);
  const open = doc.indexOf(`\`\`\`${lang}\n`, start);
  return doc.slice(open + lang.length + 4, doc.indexOf('\n```', open));
}

describe('docs/submission.md', () => {
  const schema = JSON.parse(block('<!-- payload-schema -->', 'json')) as object;
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

  it('has a payload JSON Schema that accepts built payloads', () => {
    for (const payload of [payloadOf(), payloadOf(cardOnlyData())]) {
      expect(validate(payload), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it.each<[string, (p: Record<string, unknown>) => void]>([
    ['v 2', (p) => {
      p.v = 2;
    }],
    ['an extra member', (p) => {
      p.aud = 'x';
    }],
    ['a missing nonce', (p) => void delete p.nonce],
    ['an upper-case UUID', (p) => {
      p.submissionId = (p.submissionId as string).toUpperCase();
    }],
    ['a fractional iat', (p) => {
      p.iat = 1.5;
    }],
    ['a bad digest', (p) => {
      p.attachments = [{ field: 'a', name: 'x', mediaType: 'image/jpeg', size: 1, sha256: 'x' }];
    }],
    ['no routing', (p) => void delete p.routing],
    ['an unknown department in routing', (p) => {
      p.routing = { ...(p.routing as object), police: { services: ['x'], paths: ['/applicant'] } };
    }],
    ['a route with an extra member', (p) => {
      p.routing = { hrss: { services: ['socialSecurityCard'], paths: ['/applicant'], data: {} } };
    }],
    ['a route path that is not a JSON pointer', (p) => {
      p.routing = { hrss: { services: ['socialSecurityCard'], paths: ['applicant'] } };
    }],
  ])('has a payload JSON Schema that refuses %s, as the verifier does', (_name, edit) => {
    const payload = mutablePayload();
    edit(payload);
    expect(validate(payload)).toBe(false);
    expect(() => checkPayloadShape(payload)).toThrow();
  });

  it('shows an example token that verifies with jose and carries the example payload bytes', async () => {
    const token = block('Example token', 'text').trim();
    const example = block('### Example', 'json').trim();
    const { payload } = await compactVerify(token, EmbeddedJWK, { algorithms: ['ES256'] });
    expect(decoder.decode(payload)).toBe(example);
    expect(checkPayloadShape(parseCanonical(payload))).toBeDefined();
    expect(validate(JSON.parse(example))).toBe(true);
  });

  it('shows an SM2 example token of the same payload that the independent sm-crypto (v1) verifies', () => {
    const token = block('Example SM2 token', 'text').trim();
    const [h, p, s] = segments(token);
    const header = decodeSegment(h) as { alg: string; jwk: JsonWebKey; typ: string };
    expect(header).toMatchObject({ alg: 'SM3withSM2', typ: 'yibiao+jws', jwk: { kty: 'EC', crv: 'SM2' } });
    expect(Object.keys(header.jwk).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    const signature = Buffer.from(base64url.decode(s)).toString('hex');
    expect(smCrypto.sm2.doVerifySignature(`${h}.${p}`, signature, sm2PublicHex(header.jwk), { hash: true })).toBe(true);
    expect(decoder.decode(base64url.decode(p))).toBe(block('### Example', 'json').trim());
  });

  it('lists every error code with its zh-CN and English message verbatim and the CLI exit status', () => {
    for (const code of VERIFY_ERROR_CODES) {
      const { 'zh-CN': zh, en } = VERIFY_ERROR_MESSAGES[code];
      const row = doc.split('\n').find((line) => line.startsWith(`| \`${code}\` |`));
      expect(row, code).toBeDefined();
      expect(row).toContain(`| ${zh} | ${en} |`);
      expect(row).toMatch(/\| 1( \([^|]*\))? \|$/);
    }
  });

  it('names the SM2 algorithm and its byte construction', () => {
    for (const text of ['`SM3withSM2`', 'ENTL_A = 0x0080', '"1234567812345678"', 'e      = SM3(Z_A ‖ M)', '{ hash: true }', 'crv: "SM2"', 'not a registered JWK curve']) {
      expect(doc).toContain(text);
    }
  });
});
