import type { Lang } from '../ir/types.js';
import type { Signer } from '../submission/index.js';
import { dataLimitMessage } from './data-limits.js';
import { YibiaoInvalidDataEvent } from './events/yibiao-invalid-data-event.js';
import type { DataLimitProblem } from './json-copy.js';

/**
 * Reports data refused for passing the limits: fires `yibiao-invalid-data`
 * on the element, naming the limit and the pointer, never the data.
 *
 * @param element - the form element.
 * @param problem - the limit passed.
 * @param source - an assignment to `data`, or a stored draft.
 * @param lang - the element's language.
 * @returns the message in that language.
 */
export function refuseData(element: EventTarget, problem: DataLimitProblem, source: 'data' | 'draft', lang: Lang): string {
  const message = dataLimitMessage(problem);
  element.dispatchEvent(new YibiaoInvalidDataEvent({ ...problem, source, message }));
  return message[lang];
}

/** The properties a host may set on a form element before its class is defined. */
export interface EarlyProperties {
  data: unknown;
  signer: Signer | undefined;
  keyBinding: string | undefined;
}

const EARLY: readonly (keyof EarlyProperties)[] = ['data', 'signer', 'keyBinding'];

/**
 * Takes over the properties a host set on the element before its class was
 * defined (the upgrade pattern): each own property is deleted, so that the
 * class's accessor applies, then assigned through it. Data beyond the limits
 * is reported by `yibiao-invalid-data` and the form starts empty.
 *
 * @param element - the element being constructed.
 */
export function adoptEarlyProperties(element: EarlyProperties): void {
  const own = element as unknown as Record<string, unknown>;
  for (const name of EARLY) {
    if (!Object.hasOwn(own, name)) continue;
    const value = own[name];
    delete own[name];
    if (name === 'data') {
      try {
        element.data = value;
      } catch {
        // Refused (beyond the limits): reported by yibiao-invalid-data; the form starts empty.
      }
    } else if (name === 'keyBinding') {
      element.keyBinding = value as string | undefined;
    } else {
      element.signer = value as Signer | undefined;
    }
  }
}
