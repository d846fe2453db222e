/** docs/submission.md must agree with the code: its schema, its example token, its error table. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { compactVerify, EmbeddedJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { parseCanonical } from '../../src/submission/canonicalize.js';
import { VERIFY_ERROR_CODES } from '../../src/submission/errors.js';
import { checkPayloadShape } from '../../src/submission/payload-shape.js';
import { cardOnlyData } from './fixture-form.js';
import { decoder, mutablePayload, payloadOf } from './helpers.js';

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

  it('lists every error code in its table', () => {
    for (const code of VERIFY_ERROR_CODES) expect(doc).toContain(`| \`${code}\` |`);
  });
});
