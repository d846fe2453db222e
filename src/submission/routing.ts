import type { DepartmentId, FormModel } from '../ir/types.js';
import { isSectionApplicable, sectionSwitches, servicesKey } from './applicability.js';
import { YibiaoUsageError } from './errors.js';

/** The departments a submission can be routed to (FORMS.md), in this order. */
export const DEPARTMENTS: readonly DepartmentId[] = Object.freeze(['hrss', 'medicalInsurance', 'tax', 'housingFund'] as const);

/** Tells whether a value is one of the {@link DEPARTMENTS}. */
export function isDepartmentId(value: unknown): value is DepartmentId {
  return typeof value === 'string' && (DEPARTMENTS as readonly string[]).includes(value);
}

/** What one department receives: its ticked services and the data that is its part. */
export interface DepartmentRoute {
  /** The department's ticked services, in the form's order. */
  readonly services: readonly string[];
  /**
   * JSON pointers into `data` (as field paths are: `/applicant`, not
   * `/data/applicant`), in the form's section order: the always-present
   * sections, then the sections its ticked services switch on.
   */
  readonly paths: readonly string[];
}

/** The payload's `routing`: one entry per department with at least one ticked service. */
export type Routing = Readonly<Partial<Record<DepartmentId, DepartmentRoute>>>;

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Derives the routing of a submission from the form model and the ticked
 * services — the only correct value of a payload's `routing`, which the
 * verifier recomputes and compares (`E_ROUTING_MISMATCH`):
 * - a department appears when at least one of its services is ticked;
 * - its `services` are those ticked services, in the form's order;
 * - its `paths` are every always-present section (applicant, declaration …)
 *   and every section switched on by one of its ticked services, in the
 *   form's section order. A section two departments' services switch on goes
 *   to both. The services list (`/services`) is not a part: each department
 *   learns its own services from `services`.
 *
 * @param model - the form model.
 * @param services - the ticked service ids (unknown ids are ignored).
 * @returns the routing, departments in {@link DEPARTMENTS} order.
 * @throws {YibiaoUsageError} when a ticked service names a department this version does not know.
 * @example
 * deriveRouting(model, ['socialSecurityCard']); // { hrss: { services: ['socialSecurityCard'], paths: ['/applicant', '/socialSecurityCard', '/declaration'] } }
 */
export function deriveRouting(model: FormModel, services: readonly string[]): Routing {
  const ticked = new Set(services);
  const byDepartment = new Map<DepartmentId, string[]>();
  for (const service of model.services) {
    if (!ticked.has(service.id)) continue;
    if (!isDepartmentId(service.department)) {
      throw new YibiaoUsageError(`deriveRouting: service "${service.id}" names an unknown department`);
    }
    const list = byDepartment.get(service.department) ?? [];
    list.push(service.id);
    byDepartment.set(service.department, list);
  }
  const key = servicesKey(model);
  const switches = sectionSwitches(model);
  const routing: Partial<Record<DepartmentId, DepartmentRoute>> = {};
  for (const department of DEPARTMENTS) {
    const own = byDepartment.get(department);
    if (own === undefined) continue;
    const ownSet = new Set(own);
    const paths: string[] = [];
    for (const section of model.sections) {
      if (section.key === key) continue;
      if (isSectionApplicable(switches.get(section.key) ?? new Set(), ownSet)) paths.push(`/${escapePointer(section.key)}`);
    }
    routing[department] = { services: own, paths };
  }
  return routing;
}
