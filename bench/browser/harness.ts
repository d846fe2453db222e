/**
 * In-page instrumentation, bundled to an IIFE and injected with
 * `Page.addScriptToEvaluateOnNewDocument` (so it is there before any page
 * script, and is not page script: CSP does not apply to it). It finds each
 * renderer's target input, error message, service checkbox and section, and
 * times keys and toggles with `performance.now()`, `requestAnimationFrame`
 * and a MutationObserver.
 */

export type RendererId = 'yibiao' | 'rjsf' | 'rjsf-pre' | 'jsonforms' | 'floor';

export interface HarnessConfig {
  readonly renderer: RendererId;
  /** Custom element tag (yibiao: `yibiao-<id>`, floor: `bench-floor`). */
  readonly tag: string;
  readonly target: { readonly section: string; readonly key: string } | undefined;
  readonly toggle: { readonly index: number; readonly section: string; readonly field: string; readonly service: string } | undefined;
}

/** What one key did. Times in ms from the keydown. */
export interface KeyRecord {
  /** keydown → the first frame after the input event has been painted. */
  readonly paint: number;
  /** keydown → the later of the last DOM mutation and the end of the input event's work. */
  readonly work: number;
  readonly mutations: number;
  readonly value: string | null;
  readonly error: string | null;
  readonly timedOut: boolean;
}

export interface Bench {
  readonly violations: string[];
  configure(config: HarnessConfig): void;
  /** Focuses the target input; true when it is the (deep) active element. */
  focusTarget(): boolean;
  /**
   * Resolves true as soon as the target input exists and takes focus (checked
   * in the page every few ms, so the driver does not have to poll over CDP),
   * false after `capMs`.
   */
  ready(capMs: number): Promise<boolean>;
  /** Blurs the target (yibiao shows a field's errors once it has been left). */
  blurTarget(): void;
  /** performance.now() when the target's value contains `text`, else null. */
  valueContains(text: string): number | null;
  value(): string | null;
  errorText(): string | null;
  /** Clears the key record (waitQuiet does it too, once it has read it). */
  arm(): void;
  /** Waits until the key's paint and `quietMs` without DOM change; returns the record and re-arms. */
  waitQuiet(quietMs: number, capMs: number): Promise<KeyRecord>;
  /** Waits until no DOM change for `quietMs`; returns the time waited. */
  settle(quietMs: number, capMs: number): Promise<number>;
  /** JSON Forms: adds an empty row to the services table (its way of starting to tick one). */
  prepareToggle(capMs: number): Promise<boolean>;
  /** Ticks the toggle service; ms until its section is visible and painted, or null. */
  toggle(capMs: number): Promise<number | null>;
  /** Debug: a slice of the renderer's DOM. */
  dump(): string;
}

declare global {
  interface Window {
    __bench?: Bench;
  }
}

interface Adapter {
  roots(): Node[];
  input(): HTMLInputElement | null;
  error(): string | null;
  serviceBox(): HTMLElement | null;
  sectionField(): Element | null;
}

const visible = (el: Element | null): boolean => el !== null && el.getClientRects().length > 0;
const textOf = (el: Element | null): string | null => {
  if (el === null) return null;
  const clone = el.cloneNode(true) as Element;
  for (const hidden of clone.querySelectorAll('.visually-hidden')) hidden.remove();
  const text = (clone.textContent ?? '').trim();
  return text === '' ? null : text;
};

function shadowAdapter(c: HarnessConfig, prefix: string): Adapter {
  const root = (): ShadowRoot | null => document.querySelector(c.tag)?.shadowRoot ?? null;
  const byId = (id: string): HTMLElement | null => root()?.getElementById(id) ?? null;
  const t = c.target;
  const g = c.toggle;
  return {
    roots: () => [document, root()].filter((n): n is Document | ShadowRoot => n !== null),
    input: () => (t ? (byId(`${prefix}-${t.section}-${t.key}`) as HTMLInputElement | null) : null),
    error: () => (t ? textOf(byId(`${prefix}-${t.section}-${t.key}-error`)) : null),
    serviceBox: () => (g ? byId(g.index === 0 ? `${prefix}-services` : `${prefix}-services-${g.index}`) : null),
    sectionField: () => (g ? byId(`${prefix}-${g.section}-${g.field}`) : null),
  };
}

function rjsfAdapter(c: HarnessConfig): Adapter {
  const t = c.target;
  const g = c.toggle;
  const byId = (id: string) => document.getElementById(id);
  return {
    roots: () => [document],
    input: () => (t ? (byId(`root_${t.section}_${t.key}`) as HTMLInputElement | null) : null),
    error: () => (t ? textOf(byId(`root_${t.section}_${t.key}__error`)) : null),
    serviceBox: () => (g ? byId(`root_services-${g.index}`) : null),
    sectionField: () => (g ? byId(`root_${g.section}_${g.field}`) : null),
  };
}

function jsonFormsAdapter(c: HarnessConfig): Adapter {
  const t = c.target;
  const g = c.toggle;
  const scope = (section: string, key: string) => `#/properties/${section}/properties/${key}`;
  const wrapper = (section: string, key: string) => document.getElementById(scope(section, key));
  return {
    roots: () => [document],
    input: () => (t ? (document.getElementById(`${scope(t.section, t.key)}-input`) as HTMLInputElement | null) : null),
    error: () => {
      if (!t) return null;
      const div = wrapper(t.section, t.key)?.querySelector('.validation_error') ?? null;
      return textOf(div);
    },
    serviceBox: () => {
      // The last row's select of the services table (rows are added by prepareToggle).
      const selects = document.querySelector('.root_properties_services')?.querySelectorAll('select');
      return selects && selects.length > 0 ? (selects[selects.length - 1] as HTMLElement) : null;
    },
    sectionField: () => (g ? document.getElementById(`${scope(g.section, g.field)}-input`) : null),
  };
}

function adapterFor(c: HarnessConfig): Adapter {
  switch (c.renderer) {
    case 'yibiao':
      return shadowAdapter(c, 'yb');
    case 'floor':
      return shadowAdapter(c, 'fl');
    case 'jsonforms':
      return jsonFormsAdapter(c);
    default:
      return rjsfAdapter(c);
  }
}

/** Inside a requestAnimationFrame callback: runs `done(now)` once this frame has been painted. */
function afterThisFrame(done: (now: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => done(performance.now());
  channel.port2.postMessage(null);
}

/** Runs `done(now)` after the next frame has been painted. */
function afterNextPaint(done: (now: number) => void): void {
  requestAnimationFrame(() => afterThisFrame(done));
}

function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function install(): Bench {
  let adapter: Adapter | undefined;
  let config: HarnessConfig | undefined;
  const observed = new WeakSet<Node>();
  const rec = { t0: Number.NaN, paint: Number.NaN, lastMutation: Number.NaN, inputDone: Number.NaN, sawInput: false, mutations: 0 };
  const observer = new MutationObserver((records) => {
    rec.lastMutation = performance.now();
    rec.mutations += records.length;
  });
  const observe = () => {
    for (const root of adapter?.roots() ?? []) {
      if (observed.has(root)) continue;
      observed.add(root);
      observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    }
  };
  const violations: string[] = [];
  let firstViolation: number | undefined;
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      firstViolation ??= performance.now();
      violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    },
    true,
  );
  window.addEventListener(
    'keydown',
    () => {
      const t0 = performance.now();
      rec.t0 = t0;
      afterNextPaint((now) => {
        if (!rec.sawInput && rec.t0 === t0) rec.paint = now - t0;
      });
    },
    true,
  );
  window.addEventListener(
    'input',
    () => {
      rec.sawInput = true;
      const t0 = rec.t0;
      afterNextPaint((now) => {
        if (rec.t0 === t0) rec.paint = now - t0;
      });
    },
    true,
  );
  // Bubble phase on window: after the renderer's own handlers. Their updates (Lit's
  // update, React's sync flush) run in microtasks queued during those handlers, so a
  // few microtask hops from here land after them. (A macrotask would not do: Chromium
  // runs the next frame before other tasks after an input event.)
  window.addEventListener('input', () => {
    const t0 = rec.t0;
    let hops = 0;
    const hop = () => {
      hops += 1;
      if (hops < 4) queueMicrotask(hop);
      else if (rec.t0 === t0) rec.inputDone = performance.now();
    };
    queueMicrotask(hop);
  });
  const need = (): Adapter => {
    if (!adapter) throw new Error('bench harness: configure() first');
    return adapter;
  };
  const bench: Bench = {
    violations,
    configure(c) {
      config = c;
      adapter = adapterFor(c);
    },
    focusTarget() {
      const input = need().input();
      if (!input) return false;
      input.focus();
      return deepActive() === input;
    },
    ready(capMs) {
      const start = performance.now();
      return new Promise((resolve) => {
        const check = () => {
          const now = performance.now();
          if (adapter && bench.focusTarget()) resolve(true);
          // Under a CSP that blocks the renderer, give up half a second after the first violation.
          else if (now - start > capMs || (firstViolation !== undefined && now - firstViolation > 500)) resolve(false);
          else setTimeout(check, 2);
        };
        check();
      });
    },
    blurTarget() {
      need().input()?.blur();
    },
    valueContains(text) {
      const value = need().input()?.value;
      return value?.includes(text) ? performance.now() : null;
    },
    value: () => need().input()?.value ?? null,
    errorText: () => need().error(),
    arm() {
      observe();
      rec.t0 = Number.NaN;
      rec.paint = Number.NaN;
      rec.lastMutation = Number.NaN;
      rec.inputDone = Number.NaN;
      rec.sawInput = false;
      rec.mutations = 0;
    },
    waitQuiet(quietMs, capMs) {
      const start = performance.now();
      return new Promise((resolve) => {
        const tick = () => {
          const now = performance.now();
          const last = Math.max(rec.t0, Number.isNaN(rec.lastMutation) ? rec.t0 : rec.lastMutation, Number.isNaN(rec.inputDone) ? rec.t0 : rec.inputDone);
          const done = !Number.isNaN(rec.t0) && !Number.isNaN(rec.paint) && now - last >= quietMs;
          const timedOut = now - start > capMs;
          if (done || timedOut) {
            const record = {
              paint: rec.paint,
              work: last - rec.t0,
              mutations: rec.mutations,
              value: bench.value(),
              error: bench.errorText(),
              timedOut: !done,
            };
            // Ready for the next key without another round trip.
            bench.arm();
            resolve(record);
          } else setTimeout(tick, 5);
        };
        tick();
      });
    },
    settle(quietMs, capMs) {
      observe();
      const start = performance.now();
      rec.lastMutation = start;
      return new Promise((resolve) => {
        const tick = () => {
          observe();
          const now = performance.now();
          if (now - rec.lastMutation >= quietMs || now - start > capMs) resolve(now - start);
          else setTimeout(tick, 10);
        };
        tick();
      });
    },
    async prepareToggle(capMs) {
      if (config?.renderer !== 'jsonforms') return true;
      const table = document.querySelector('.root_properties_services');
      const add = table?.querySelector('button');
      if (!add) return false;
      const before = table?.querySelectorAll('select').length ?? 0;
      add.click();
      const start = performance.now();
      while ((document.querySelector('.root_properties_services')?.querySelectorAll('select').length ?? 0) <= before) {
        if (performance.now() - start > capMs) return false;
        await new Promise((r) => setTimeout(r, 10));
      }
      await bench.settle(100, capMs);
      return true;
    },
    toggle(capMs) {
      const a = need();
      const box = a.serviceBox();
      if (!box || !config?.toggle) return Promise.resolve(null);
      const t0 = performance.now();
      if (box instanceof HTMLSelectElement) {
        box.value = config.toggle.service;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      } else box.click();
      return new Promise((resolve) => {
        const check = () => {
          if (visible(a.sectionField())) afterThisFrame((now) => resolve(now - t0));
          else if (performance.now() - t0 > capMs) resolve(null);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
    },
    dump() {
      const roots = adapter?.roots() ?? [document];
      return roots.map((r) => (r instanceof Document ? r.body.outerHTML : (r as ShadowRoot).innerHTML).slice(0, 4000)).join('\n----\n');
    },
  };
  return bench;
}

if (!window.__bench) window.__bench = install();
