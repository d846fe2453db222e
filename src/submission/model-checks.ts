import type { FormModel } from '../ir/types.js';
import { isSectionApplicable, sectionSwitches, servicesKey } from './applicability.js';
import { YibiaoVerifyError } from './errors.js';
import { LruCache } from './lru-cache.js';
import type { SubmissionPayload } from './payload.js';
import { DEPARTMENTS, type DepartmentRoute, deriveRouting, type Routing } from './routing.js';

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** What the checks need of a model, built once per model (models are compiled and not changed). */
interface ModelFacts {
  /** Service id → position in the form's order. */
  readonly order: ReadonlyMap<string, number>;
  readonly materials: ReadonlyMap<string, NonNullable<FormModel['materials']>[number]>;
  /** `deriveRouting` by ticked services (joined by newlines), a few combinations per form. */
  readonly routings: LruCache<string, Routing>;
}

const facts = new WeakMap<FormModel, ModelFacts>();

/** Distinct service combinations remembered per form; the rest are derived each time. */
const ROUTINGS_PER_MODEL = 64;

function factsOf(model: FormModel): ModelFacts {
  let known = facts.get(model);
  if (known === undefined) {
    known = {
      order: new Map(model.services.map((service, i) => [service.id, i] as const)),
      materials: new Map((model.materials ?? []).map((m) => [m.id, m] as const)),
      routings: new LruCache(ROUTINGS_PER_MODEL),
    };
    facts.set(model, known);
  }
  return known;
}

/** `deriveRouting(model, services)`, remembered per model (a pure function of both). */
function routingOf(model: FormModel, services: readonly string[]): Routing {
  const { routings } = factsOf(model);
  // Service ids are identifiers (payload shape), so a newline cannot occur in one.
  const id = services.join('\n');
  let routing = routings.get(id);
  if (routing === undefined) {
    routing = deriveRouting(model, services);
    routings.set(id, routing);
  }
  return routing;
}

function sameList(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a !== undefined && b !== undefined && a.length === b.length && a.every((item, i) => item === b[i]);
}

/**
 * `routing` must be exactly what the model derives from the ticked services:
 * the same departments, and for each the same services and paths in the same order.
 */
function checkRouting(payload: SubmissionPayload, model: FormModel): void {
  const expected = routingOf(model, payload.services);
  const actual = payload.routing as Readonly<Record<string, DepartmentRoute | undefined>>;
  for (const department of Object.keys(actual)) {
    if (!Object.hasOwn(expected, department)) throw new YibiaoVerifyError('E_ROUTING_MISMATCH', { pointer: `/routing/${department}` });
  }
  for (const department of DEPARTMENTS) {
    const want = expected[department];
    if (want === undefined) continue;
    const got = Object.hasOwn(actual, department) ? actual[department] : undefined;
    const pointer = `/routing/${department}`;
    if (got === undefined) throw new YibiaoVerifyError('E_ROUTING_MISMATCH', { pointer, detail: 'department missing' });
    if (!sameList(got.services, want.services)) throw new YibiaoVerifyError('E_ROUTING_MISMATCH', { pointer: `${pointer}/services` });
    if (!sameList(got.paths, want.paths)) throw new YibiaoVerifyError('E_ROUTING_MISMATCH', { pointer: `${pointer}/paths` });
  }
}

/**
 * Checks a well-shaped payload against the model of its form, before the
 * schema validator sees the data (SECURITY.md §2 "Minimization"):
 * - `services` are services of the form, each once, in the form's order, and
 *   `data` repeats exactly that list at `servicesPath`;
 * - `routing` is exactly `deriveRouting(model, services)`;
 * - every other member of `data` is a section of the form, and each section
 *   belongs to an always-present part or to a ticked service;
 * - every attachment is for an uploadable material of the form that applies
 *   to the ticked services, and is not larger than the material allows.
 *
 * @param payload - a payload that passed `checkPayloadShape`.
 * @param model - the model of `payload.form`.
 * @throws {YibiaoVerifyError} `E_PAYLOAD_INVALID`, `E_ROUTING_MISMATCH`,
 *   `E_UNTICKED_SECTION` or `E_LIMIT`, with a pointer.
 */
export function checkAgainstModel(payload: SubmissionPayload, model: FormModel): void {
  const { order, materials } = factsOf(model);
  let last = -1;
  payload.services.forEach((id, i) => {
    const position = order.get(id);
    if (position === undefined) {
      throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: `/services/${i}`, detail: 'not a service of the form' });
    }
    if (position <= last) {
      throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: `/services/${i}`, detail: "not in the form's order" });
    }
    last = position;
  });
  const ticked = new Set(payload.services);

  const key = servicesKey(model);
  const listed = payload.data[key];
  if (
    !Array.isArray(listed) ||
    listed.length !== payload.services.length ||
    listed.some((id, i) => id !== payload.services[i])
  ) {
    throw new YibiaoVerifyError('E_PAYLOAD_INVALID', {
      pointer: `/data/${escapePointer(key)}`,
      detail: 'differs from /services',
    });
  }

  checkRouting(payload, model);

  const switches = sectionSwitches(model);
  for (const member of Object.keys(payload.data)) {
    if (member === key) continue;
    const pointer = `/data/${escapePointer(member)}`;
    const services = switches.get(member);
    if (services === undefined) {
      throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer, detail: 'not a section of the form' });
    }
    if (!isSectionApplicable(services, ticked)) throw new YibiaoVerifyError('E_UNTICKED_SECTION', { pointer });
  }

  payload.attachments.forEach((attachment, i) => {
    const pointer = `/attachments/${i}`;
    const material = materials.get(attachment.field);
    if (material === undefined || !material.channels.includes('upload')) {
      throw new YibiaoVerifyError('E_PAYLOAD_INVALID', { pointer: `${pointer}/field`, detail: 'not an uploadable material' });
    }
    if (material.services.length > 0 && !material.services.some((s) => ticked.has(s))) {
      throw new YibiaoVerifyError('E_UNTICKED_SECTION', { pointer: `${pointer}/field` });
    }
    if (material.maxBytes !== undefined && attachment.size > material.maxBytes) {
      throw new YibiaoVerifyError('E_LIMIT', { pointer: `${pointer}/size`, detail: 'larger than the material allows' });
    }
  });
}
