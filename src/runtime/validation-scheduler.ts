import { whenIdle } from './lazy/when-idle.js';
import type { ValidationResult } from './validation-types.js';

/** The verdict before any validation: nothing to show. */
export const NO_ISSUES: ValidationResult = { valid: true, errors: [], warnings: [] };

/** How long the idle whole-form pass may wait for an idle period. */
export const IDLE_VALIDATION_TIMEOUT_MS = 500;

/** Where the browser has no `requestIdleCallback`: how long after the last request the pass runs. */
export const IDLE_VALIDATION_FALLBACK_MS = 50;

/** Input of {@link ValidationScheduler}. */
export interface ValidationSchedulerOptions {
  /** Validates the whole form. */
  readonly check: () => ValidationResult;
  /** Called with each new verdict (the element updates its states and renders). */
  readonly settled: (result: ValidationResult) => void;
}

/**
 * Runs a form's whole-form validation, now or when the browser is idle, and
 * keeps the last verdict. The idle pass is for changes nobody sees yet (a
 * field not left before the first submit): it runs once, however many keys
 * come before it. The whole-form pass of a 1,000-field form is ~2 ms a key,
 * and the very first one compiles the form's validator (V8 compiles the ~1 MB
 * function lazily on its first call: 336 ms on the first character,
 * docs/benchmarks.md §3), so the element also schedules that first pass for
 * an idle moment after its first render.
 */
export class ValidationScheduler {
  readonly #options: ValidationSchedulerOptions;
  #result: ValidationResult = NO_ISSUES;
  #validated = false;
  /** Cancels the pass scheduled for an idle moment, if one is. */
  #cancelIdle: (() => void) | undefined;

  constructor(options: ValidationSchedulerOptions) {
    this.#options = options;
  }

  /** The last verdict ({@link NO_ISSUES} before the first). */
  get result(): ValidationResult {
    return this.#result;
  }

  /** Whether the whole form has been validated once (and its validator compiled). */
  get validated(): boolean {
    return this.#validated;
  }

  /**
   * Validates the whole form now, dropping a pass scheduled for later.
   *
   * @returns the verdict.
   */
  validate(): ValidationResult {
    this.#validated = true;
    this.#cancelIdle?.();
    this.#cancelIdle = undefined;
    this.#result = this.#options.check();
    this.#options.settled(this.#result);
    return this.#result;
  }

  /** Validates the whole form when the browser is next idle, unless a pass is already scheduled. */
  validateWhenIdle(): void {
    if (this.#cancelIdle !== undefined) return;
    const run = (): void => {
      this.#cancelIdle = undefined;
      this.validate();
    };
    this.#cancelIdle = whenIdle(run, { timeoutMs: IDLE_VALIDATION_TIMEOUT_MS, fallbackMs: IDLE_VALIDATION_FALLBACK_MS });
  }
}
