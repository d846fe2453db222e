/**
 * Key bindings in the widget (SECURITY.md §3 case 15), in real Chromium: the
 * host reads the signing key (`publicJwk()`), its backend issues a binding
 * for that key's thumbprint, the host sets `keyBinding`, and every token the
 * element signs carries it in its protected header — a verifier with the
 * issuer allow-listed answers `bound`; a binding for another key is refused.
 */
import type { FormModel } from '../../src/ir/types.js';
import { defineForm } from '../../src/runtime/define-form.js';
import type { YibiaoFormElement } from '../../src/runtime/form-element.js';
import type { CompiledValidateFunction } from '../../src/runtime/validation-types.js';
import { createDeviceSigner, issueKeyBinding, jwkThumbprint, toPublicJwk, verify } from '../../src/submission/index.js';
import { equal, ok } from '../e2e/assert.js';
import { loadShandong, mountForm } from './browser.js';

const TAG = 'yibiao-key-binding';
const ISS = 'https://login.example.gov.cn';

let model: FormModel;
let validate: CompiledValidateFunction;
let example: Record<string, unknown>;
let issuer: CryptoKeyPair;
let el: YibiaoFormElement;

function headerOf(token: string): Record<string, unknown> {
  const segment = token.split('.')[0] ?? '';
  const text = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(text, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

async function bindingFor(jwk: JsonWebKey): Promise<string> {
  const jkt = await jwkThumbprint(toPublicJwk(jwk));
  return issueKeyBinding({ issuerKey: issuer.privateKey, iss: ISS, jkt, formId: model.id, ttlSeconds: 600 });
}

const verifyOptions = () => ({
  forms: { get: (id: string) => (id === model.id ? { model, validate } : undefined) },
  bindingIssuers: [{ iss: ISS, key: issuer.publicKey }],
});

before(async () => {
  ({ model, validate, example } = await loadShandong());
  issuer = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  defineForm({ tag: TAG, form: { model, validate } });
});

beforeEach(async () => {
  el = await mountForm(TAG);
});

afterEach(() => {
  el.remove();
});

describe('case 15: the widget carries the host\'s key binding', () => {
  it('signs with the binding of its own device key in the header: the verifier answers bound', async () => {
    el.keyBinding = await bindingFor(await el.publicJwk());
    el.data = structuredClone(example);
    const result = await el.submit();
    ok(result.valid, 'the example is valid');
    equal(headerOf(result.token).ybk, el.keyBinding, 'the header carries the binding');
    const verdict = await verify(result.token, verifyOptions());
    ok(verdict.ok, verdict.ok ? '' : verdict.code);
    equal(verdict.authenticity, 'bound');
  });

  it('a binding for another key → E_KEY_UNTRUSTED; without a binding the header has no ybk', async () => {
    el.data = structuredClone(example);
    const plain = await el.submit();
    ok(plain.valid);
    equal('ybk' in headerOf(plain.token), false, 'no binding, no ybk');
    const other = await createDeviceSigner();
    el.keyBinding = await bindingFor(await other.publicJwk());
    const bound = await el.submit();
    ok(bound.valid);
    ok(bound.token !== plain.token, 'setting keyBinding signs again');
    const verdict = await verify(bound.token, verifyOptions());
    equal(verdict.ok ? 'accepted' : verdict.code, 'E_KEY_UNTRUSTED');
  });
});
