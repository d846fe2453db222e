/**
 * Fuzzing in Chromium (the issue's item 5), the browser half of
 * tests/security/fuzz.test.ts: the fixed sample list (tests/security/
 * fuzz-data.ts, same seeds, same samples as in Node) through the validator
 * the built widget carries and through dist/forms/shandong/validator.js
 * served to the browser — identical verdicts, never a throw; for valid and
 * invalid samples alike, the browser's verdict equals Node's, got by signing
 * the sample here and verifying it with the real CLI (`yibiao verify - --json`,
 * the `yibiao-verify` server command of web-test-runner.config.mjs); random
 * bit flips through `verify` running in the browser are always refused; JCS
 * round-trips here too.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import fc from 'fast-check';
import type { FormModel } from '../../src/ir/types.js';
import type { CompiledForm } from '../../src/runtime/compiled-form.js';
import { validateData } from '../../src/runtime/validate.js';
import type { CompiledValidateFunction, RawValidationError } from '../../src/runtime/validation-types.js';
import { buildPayload, canonicalBytes, createDeviceSigner, parseCanonical, shanghaiDate, signSubmission, verify } from '../../src/submission/index.js';
import { deepEqual, equal, ok } from '../e2e/assert.js';
import { flipBit } from '../helpers/tamper.js';
import { fixedSamples } from './fuzz-data.js';

interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
}

let widget: CompiledForm;
let served: CompiledValidateFunction;
let samples: Record<string, unknown>[];

const verdictOf = (valid: boolean, errors: readonly RawValidationError[] | null | undefined) =>
  JSON.stringify([valid, (errors ?? []).map((e) => [e.instancePath, e.schemaPath, e.keyword, (e.params as Record<string, unknown>).code ?? null]).sort()]);

before(async () => {
  // The widget module registers <yibiao-shandong> and exports its model; its class holds the validator it ships.
  const module = (await import(/* @vite-ignore */ `${location.origin}/widget/dist/shandong.js`)) as { model: FormModel; YibiaoShandongForm: { compiledForm: CompiledForm } };
  widget = module.YibiaoShandongForm.compiledForm;
  equal(widget.model, module.model);
  // The validator the widget ships is its lazy part: loaded here as the element loads it.
  await widget.loadValidate?.();
  served = ((await import(/* @vite-ignore */ `${location.origin}/dist/forms/shandong/validator.js`)) as { validate: CompiledValidateFunction }).validate;
  const example = ((await (await fetch('/forms/shandong/examples/valid/all-services.json')).json()) as { data: Record<string, unknown> }).data;
  samples = fixedSamples(widget.model, example, 10);
});

describe('fuzz in the browser: the fixed sample list', () => {
  it('gets the same verdict from the widget\'s validator and from the served dist validator, and never throws', () => {
    const today = shanghaiDate(Math.floor(Date.now() / 1000));
    let valid = 0;
    for (const data of samples) {
      const a = widget.validate.call({ today, warnings: [] }, data);
      const va = verdictOf(a, widget.validate.errors);
      const b = served.call({ today, warnings: [] }, data);
      equal(verdictOf(b, served.errors), va, JSON.stringify(data).slice(0, 200));
      if (a) valid += 1;
    }
    ok(valid > 0 && valid < samples.length, `the list mixes valid (${valid}) and invalid samples`);
  });

  it('gets the same verdict in the browser as Node\'s verifier (`yibiao verify`), valid and invalid samples alike', async function () {
    // Each sample is one run of the real CLI (a Node process): a few seconds on a loaded machine.
    (this as { timeout(ms: number): void }).timeout(90_000);
    const signer = await createDeviceSigner();
    const built = samples.map((data) => buildPayload({ model: widget.model, data, lang: 'zh-CN' }));
    const judged = built.map((payload) => ({ payload, verdict: validateData(widget, payload.data, { today: shanghaiDate(payload.iat) }) }));
    const chosen = [...judged.filter((j) => j.verdict.valid).slice(0, 2), ...judged.filter((j) => !j.verdict.valid).slice(0, 3)];
    ok(chosen.length === 5, 'two valid and three invalid samples');
    for (const { payload, verdict } of chosen) {
      const token = await signSubmission(payload, signer);
      const run = await executeServerCommand<CliResult, { token: string }>('yibiao-verify', { token });
      const node = JSON.parse(run?.stdout ?? '{}') as { ok: boolean; code?: string; issues?: { path: string; code: string }[] };
      if (verdict.valid) {
        equal(node.ok, true, `Node accepts what the browser accepts: ${run?.stdout.slice(0, 300)}`);
      } else {
        equal(node.code, 'E_DATA_INVALID', `Node refuses what the browser refuses: ${run?.stdout.slice(0, 300)}`);
        deepEqual((node.issues ?? []).map((i) => `${i.path} ${i.code}`).sort(), verdict.errors.map((i) => `${i.path} ${i.code}`).sort(), 'the same issues');
      }
    }
  });
});

describe('fuzz in the browser: verify and JCS', () => {
  it('refuses any bit flipped in the payload or signature of a browser-made token (fc, fixed seed)', async () => {
    const example = ((await (await fetch('/forms/shandong/examples/valid/one-service-pension.json')).json()) as { data: Record<string, unknown> }).data;
    const token = await signSubmission(buildPayload({ model: widget.model, data: example, lang: 'zh-CN' }), await createDeviceSigner());
    const forms = { get: (id: string) => (id === widget.model.id ? widget : undefined) };
    const intact = await verify(token, { forms });
    ok(intact.ok, `the intact token verifies in the browser: ${JSON.stringify(intact.ok ? '' : intact.code)}`);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('payload' as const, 'signature' as const), fc.nat(), fc.nat(7), async (segment, position, bit) => {
        const verdict = await verify(flipBit(token, segment, position, bit), { forms });
        equal(verdict.ok ? 'accepted' : verdict.code, 'E_SIG_INVALID');
      }),
      { numRuns: 100, seed: 20251123 },
    );
  });

  it('round-trips JCS for fc.jsonValue() (fixed seed)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        let bytes: Uint8Array;
        try {
          bytes = canonicalBytes(value);
        } catch {
          return;
        }
        deepEqual(Array.from(canonicalBytes(parseCanonical(bytes))), Array.from(bytes));
      }),
      { numRuns: 300, seed: 20251123 },
    );
  });
});
