import { describe, expect, it } from 'vitest';
import { adoptEarlyProperties, type EarlyProperties, refuseData } from '../../src/runtime/data-intake.js';
import type { YibiaoInvalidDataEvent } from '../../src/runtime/events/yibiao-invalid-data-event.js';
import type { Signer } from '../../src/submission/index.js';

/** An element stand-in: accessors on the prototype, like the real one, recording what goes through them. */
class Element implements EarlyProperties {
  readonly assigned: [string, unknown][] = [];
  get data(): unknown {
    return undefined;
  }
  set data(value: unknown) {
    if (value === 'too big') throw new TypeError('refused');
    this.assigned.push(['data', value]);
  }
  get signer(): Signer | undefined {
    return undefined;
  }
  set signer(value: Signer | undefined) {
    this.assigned.push(['signer', value]);
  }
  get keyBinding(): string | undefined {
    return undefined;
  }
  set keyBinding(value: string | undefined) {
    this.assigned.push(['keyBinding', value]);
  }
}

describe('adoptEarlyProperties', () => {
  it('takes over properties set before the class was defined, through its accessors', () => {
    const element = new Element();
    Object.defineProperty(element, 'keyBinding', { value: 'kb', configurable: true, writable: true, enumerable: true });
    Object.defineProperty(element, 'data', { value: { a: 1 }, configurable: true, writable: true, enumerable: true });
    adoptEarlyProperties(element);
    expect(element.assigned).toEqual([
      ['data', { a: 1 }],
      ['keyBinding', 'kb'],
    ]);
    expect(Object.hasOwn(element, 'data')).toBe(false);
    expect(Object.hasOwn(element, 'keyBinding')).toBe(false);
  });

  it('starts empty, without throwing, when the early data is refused', () => {
    const element = new Element();
    Object.defineProperty(element, 'data', { value: 'too big', configurable: true, writable: true, enumerable: true });
    expect(() => adoptEarlyProperties(element)).not.toThrow();
    expect(element.assigned).toEqual([]);
    expect(Object.hasOwn(element, 'data')).toBe(false);
  });
});

describe('refuseData', () => {
  it('fires yibiao-invalid-data naming the limit and the source, and returns the message in the language', () => {
    const target = new EventTarget();
    const seen: YibiaoInvalidDataEvent[] = [];
    target.addEventListener('yibiao-invalid-data', (e) => seen.push(e as YibiaoInvalidDataEvent));
    const message = refuseData(target, { code: 'E_DATA_LIMIT', limit: 'depth', pointer: '/a', max: 32 }, 'draft', 'en');
    expect(message).toContain('E_DATA_LIMIT');
    expect(message).toContain('/a');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.detail).toMatchObject({ code: 'E_DATA_LIMIT', limit: 'depth', source: 'draft', pointer: '/a', max: 32 });
    expect(seen[0]?.detail.message.en).toBe(message);
  });
});
