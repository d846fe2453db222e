/**
 * Random form data shaped like a form's model — mostly plausible, often
 * wrong — for fuzzing the compiled validators. Shared by the Node and browser
 * fuzz tests: fast-check with a fixed seed yields the same samples in both,
 * so their verdicts can be compared. Imports nothing from Node.
 */
import fc from 'fast-check';
import type { FieldModel, FormModel } from '../../src/ir/types.js';

/** The seeds of the fixed sample list (the same in Node and in Chromium). */
export const FUZZ_SEEDS: readonly number[] = [20251123, 7, 42, 1949, 2026];

/** Characters people type into these forms, and the ones that trip validators; no control, bidi or zero-width. */
const ALPHABET = [...'0123456789X xab-.·/()（）张三李明济南市历下区工商银行长期'];

const text = (max: number) => fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: max });
const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });

/** An 18-character resident-ID-like string: right shape, random region, date and check character. */
const idLike = fc
  .tuple(fc.constantFrom('110105', '370102', '371002', '450103', '999999'), fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), digits(3, 3), fc.constantFrom(...'0123456789X'))
  .map(([region, y, m, d, seq, check]) => `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${seq}${check}`);

const date = fc
  .tuple(fc.integer({ min: 1900, max: 2040 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const wrongType = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.constant([]), fc.constant({}), fc.double({ noNaN: true }));

/** A value for one field: of its kind most of the time, sometimes of the wrong type. */
function fieldValue(field: FieldModel): fc.Arbitrary<unknown> {
  const options = (field.options ?? []).map((o) => o.value);
  let own: fc.Arbitrary<unknown>;
  switch (field.kind) {
    case 'select':
    case 'radio':
    case 'yes-no':
      own = options.length > 0 ? fc.oneof(fc.constantFrom(...options), text(4)) : fc.boolean();
      break;
    case 'checkboxes':
      own = fc.subarray(options.length > 0 ? options : ['x']);
      break;
    case 'checkbox':
      own = fc.boolean();
      break;
    case 'integer':
    case 'number':
      own = fc.oneof(fc.integer({ min: -5, max: 120 }), fc.double({ min: -1, max: 1e6, noNaN: true }));
      break;
    case 'date':
      own = date;
      break;
    case 'date-or-permanent':
      own = fc.oneof(date, fc.constant(field.permanentValue ?? '长期'));
      break;
    case 'year-month':
      own = date.map((d) => d.slice(0, 7));
      break;
    case 'address':
    case 'region':
      own = fc.record({ province: digits(6, 6), city: digits(6, 6), county: digits(6, 6), detail: text(20) }, { requiredKeys: [] });
      break;
    default:
      own = fc.oneof(text((field.maxLength ?? 30) + 2), idLike, digits(8, 20), digits(11, 11).map((d) => `1${d.slice(1)}`));
  }
  return fc.oneof({ arbitrary: own, weight: 5 }, { arbitrary: wrongType, weight: 1 });
}

/**
 * Form data for `model`, built on `base` (a valid example): the example
 * itself, or its services (or a random tick set) with each field mostly kept,
 * sometimes replaced by a random value of its kind or of a wrong type, or
 * dropped, and a section now and then missing — so that the verdicts mix
 * valid, nearly valid and plainly wrong data.
 *
 * @param model - the form.
 * @param base - a valid example's data, so that many samples are valid or nearly.
 */
export function formData(model: FormModel, base: Readonly<Record<string, unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const ids = model.services.map((s) => s.id);
  const sections = model.sections.map((section) => {
    const baseSection = (base[section.key] ?? {}) as Record<string, unknown>;
    const fields = section.fields.map((field) =>
      fc
        .oneof({ arbitrary: fc.constant('keep' as const), weight: 24 }, { arbitrary: fc.constant('drop' as const), weight: 1 }, { arbitrary: fieldValue(field), weight: 2 })
        .map((choice) => [field.key, choice === 'keep' ? baseSection[field.key] : choice === 'drop' ? undefined : choice] as const),
    );
    return fc
      .tuple(fc.oneof({ arbitrary: fc.constant(true), weight: 12 }, { arbitrary: fc.constant(false), weight: 1 }), ...fields)
      .map(([present, ...entries]) => [section.key, present ? Object.fromEntries(entries.filter(([, v]) => v !== undefined)) : undefined] as const);
  });
  const ticked = Array.isArray(base.services) ? (base.services as string[]) : [];
  const services = fc.oneof({ arbitrary: fc.constant(ticked), weight: 2 }, { arbitrary: fc.subarray(ids), weight: 1 });
  const mutated = fc.tuple(services, ...sections).map(([chosen, ...entries]) => {
    const data: Record<string, unknown> = { services: chosen };
    for (const [key, value] of entries) if (value !== undefined) data[key] = value;
    return data;
  });
  return fc.oneof({ arbitrary: fc.constant(structuredClone(base) as Record<string, unknown>), weight: 1 }, { arbitrary: mutated, weight: 5 });
}

/**
 * The fixed sample list: `perSeed` samples of {@link formData} for each of
 * {@link FUZZ_SEEDS}.
 */
export function fixedSamples(model: FormModel, base: Readonly<Record<string, unknown>>, perSeed: number): Record<string, unknown>[] {
  return FUZZ_SEEDS.flatMap((seed) => fc.sample(formData(model, base), { seed, numRuns: perSeed }));
}
