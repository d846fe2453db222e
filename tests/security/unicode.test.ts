/**
 * Unicode (SECURITY.md §2 "Unicode", §3 case 18): what is signed is NFC; the
 * verifier refuses non-NFC text and control, bidi and zero-width characters
 * (a U+202E in 姓名 makes 张三 read as another name), and the signer refuses
 * them before signing, naming the field. Invalid UTF-16 and UTF-8 are refused
 * as malformed.
 */
import fc from 'fast-check';
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalBytes, parseCanonical } from '../../src/submission/canonicalize.js';
import { YibiaoVerifyError } from '../../src/submission/errors.js';
import { signSubmission } from '../../src/submission/sign.js';
import { findTextProblems } from '../../src/submission/text.js';
import { verify } from '../../src/submission/verify.js';
import { cardOnlyData } from '../submission/fixture-form.js';
import { baseOptions, decoder, deviceSigner, encoder, joseSubmission, joseToken, mutablePayload, payloadOf, segments, testKey } from '../submission/helpers.js';
import { fuzzRuns, type Obj, refusal } from './helpers.js';

const RUNS = fuzzRuns(100);

type Key = Awaited<ReturnType<typeof testKey>>;
let key: Key;

beforeAll(async () => {
  key = await testKey();
});

/** Card-only data whose 姓名 is `name`. */
const withName = (name: string): Record<string, unknown> => {
  const data = cardOnlyData() as Obj;
  data.applicant.name = name;
  return data;
};

/** A payload with 姓名 = `name` exactly as given (no NFC), signed properly by a test key: what a hostile client sends. */
async function hostileToken(name: string): Promise<string> {
  const payload = mutablePayload(cardOnlyData());
  (payload.data.applicant as Obj).name = name;
  return joseSubmission(payload, key);
}

describe('case 18: the signed text is NFC', () => {
  it('any grapheme string typed as 姓名 is signed in NFC, or refused before signing with its pointer (fc.string unit grapheme)', async () => {
    const signer = await deviceSigner();
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }), async (name) => {
        const payload = payloadOf(withName(name));
        const signed = (payload.data.applicant as Obj).name as string;
        expect(signed).toBe(name.normalize('NFC'));
        let jws: string;
        try {
          jws = await signSubmission(payload, signer);
        } catch (error) {
          // Control, bidi or zero-width characters: refused by name, never signed.
          expect(error).toBeInstanceOf(YibiaoVerifyError);
          expect((error as YibiaoVerifyError).code).toBe('E_PAYLOAD_INVALID');
          expect((error as YibiaoVerifyError).pointer).toBe('/data/applicant/name');
          expect(findTextProblems(payload).map((p) => p.pointer)).toContain('/data/applicant/name');
          return;
        }
        const text = decoder.decode(base64url.decode(segments(jws)[1]));
        expect(text.normalize('NFC')).toBe(text);
        expect((JSON.parse(text) as Obj).data.applicant.name).toBe(name.normalize('NFC'));
      }),
      { numRuns: RUNS },
    );
  });

  it('signs Zoe + U+0301 (NFD, as typed on some keyboards) as the one NFC spelling Zoé', () => {
    const payload = payloadOf(withName('Zoe\u0301'));
    expect((payload.data.applicant as Obj).name).toBe('Zo\u00e9');
  });
});

describe('case 18: NFD, U+202E or U+200B in 姓名 are rejected', () => {
  it.each([
    ['NFD', 'Zoe\u0301'],
    ['NFD Hangul', '\u1100\u1161'],
    ['U+202E (right-to-left override)', '张\u202e三'],
    ['U+2066 (left-to-right isolate)', '\u2066张三\u2069'],
    ['U+200B (zero-width space)', '张\u200b三'],
    ['U+FEFF (zero-width no-break space)', '\ufeff张三'],
    ['U+0007 (a C0 control)', '张\u0007三'],
    ['U+0085 (a C1 control)', '张\u0085三'],
  ])('%s: the verifier refuses a properly signed token → E_PAYLOAD_INVALID at /data/applicant/name', async (_what, name) => {
    const verdict = await verify(await hostileToken(name), baseOptions);
    expect(verdict).toMatchObject({ ok: false, code: 'E_PAYLOAD_INVALID', pointer: '/data/applicant/name' });
    expect(JSON.stringify(verdict)).not.toContain(name);
  });

  it.each([
    ['U+202E', '张\u202e三'],
    ['U+200B', '张\u200b三'],
  ])('%s: the signer refuses to sign it and names the field', async (_what, name) => {
    const payload = mutablePayload(cardOnlyData());
    (payload.data.applicant as Obj).name = name;
    await expect(signSubmission(payload as never, await deviceSigner())).rejects.toMatchObject({ code: 'E_PAYLOAD_INVALID', pointer: '/data/applicant/name' });
  });

  it('a bidi control in a key is refused too', async () => {
    const payload = mutablePayload(cardOnlyData());
    (payload.data.applicant as Obj)['name\u202e'] = 'x';
    const verdict = await verify(await joseSubmission(payload, key), baseOptions);
    expect(verdict.ok).toBe(false);
  });
});

describe('invalid UTF-16 and UTF-8 are malformed', () => {
  it('a lone surrogate in 姓名 cannot be signed (E_MALFORMED at its pointer)', () => {
    const payload = mutablePayload(cardOnlyData());
    (payload.data.applicant as Obj).name = '张\ud800';
    expect(refusal(() => canonicalBytes(payload)).error).toMatchObject({ code: 'E_MALFORMED', pointer: '/data/applicant/name' });
  });

  it('a lone surrogate escaped in properly signed bytes → E_MALFORMED', async () => {
    const text = decoder.decode(canonicalBytes(payloadOf(cardOnlyData())));
    const bytes = encoder.encode(text.replace('"name":"李四"', '"name":"李\\ud800"'));
    expect(await verify(await joseToken({ alg: 'ES256', typ: 'yibiao+jws', jwk: key.jwk }, bytes, key.privateKey), baseOptions)).toMatchObject({ ok: false, code: 'E_MALFORMED' });
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
    ['a UTF-8-encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a byte order mark', [0xef, 0xbb, 0xbf]],
  ])('%s in the payload bytes → E_MALFORMED', (_what, inserted) => {
    const text = encoder.encode('{"a":"x"}');
    const bytes = new Uint8Array([...text.slice(0, 6), ...inserted, ...text.slice(6)]);
    const at = inserted[0] === 0xef ? new Uint8Array([...inserted, ...text]) : bytes;
    expect(refusal(() => parseCanonical(at)).error.code).toBe('E_MALFORMED');
  });
});
