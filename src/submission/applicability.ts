import type { FormModel } from '../ir/types.js';
import { YibiaoUsageError } from './errors.js';

const switchCache = new WeakMap<FormModel, ReadonlyMap<string, ReadonlySet<string>>>();

/**
 * The property of the form data that holds the ticked services: the single
 * segment of `model.servicesPath` (always `/services` today).
 *
 * @param model - a form model.
 * @returns the property name.
 * @throws {YibiaoUsageError} when `servicesPath` is not a one-segment JSON pointer.
 */
export function servicesKey(model: FormModel): string {
  const path = model.servicesPath;
  if (typeof path !== 'string' || !/^\/[^/]+$/.test(path)) {
    throw new YibiaoUsageError(`form "${String(model.id)}": servicesPath must be a one-segment JSON pointer`);
  }
  return path.slice(1).replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * For each section key, the services that switch it on; an empty set marks an
 * always-present section. Both sides of the model are read — a section's
 * `service` and a service's `sections` — so a section that either names is
 * conditional: when the two disagree, we send (and accept) less, not more.
 *
 * @param model - a form model.
 * @returns section key → service ids, cached by model identity.
 */
export function sectionSwitches(model: FormModel): ReadonlyMap<string, ReadonlySet<string>> {
  const cached = switchCache.get(model);
  if (cached) return cached;
  const switches = new Map<string, Set<string>>();
  for (const section of model.sections) {
    const services = new Set<string>();
    if (section.service !== undefined) services.add(section.service);
    switches.set(section.key, services);
  }
  for (const service of model.services) {
    for (const key of service.sections) switches.get(key)?.add(service.id);
  }
  switchCache.set(model, switches);
  return switches;
}

/**
 * Whether a section applies to a set of ticked services.
 *
 * @param switches - the services that switch the section on (empty: always present).
 * @param ticked - the ticked service ids.
 * @returns true when the section belongs in the submission.
 */
export function isSectionApplicable(switches: ReadonlySet<string>, ticked: ReadonlySet<string>): boolean {
  if (switches.size === 0) return true;
  for (const service of switches) if (ticked.has(service)) return true;
  return false;
}
