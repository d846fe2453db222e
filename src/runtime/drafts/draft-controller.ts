import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type DraftsPart, loadDrafts } from '../lazy/drafts.js';
import type { DraftContent } from './draft-crypto.js';
import type { DraftStore } from './draft-store.js';

/** Autosave delay after the last change (SECURITY.md §4: at most 1 s of typing lost). */
export const DRAFT_DEBOUNCE_MS = 1000;

/** Default time a draft may be restored: 7 days (DOMAIN.md §11.3). */
export const DEFAULT_DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** What the draft notice says: nothing, restored, a stored draft refused (data limits), or drafts off. */
export type DraftStatus = 'none' | 'restored' | 'discarded' | 'unavailable';

/** Where a host's draft lives and how long it is kept. */
export interface DraftTarget {
  /** Record id: form id plus the `draft-key` attribute. */
  readonly id: string;
  readonly formId: string;
  readonly schemaHash: string;
  readonly ttlMs: number;
}

/** What a host offers the draft controller. */
export interface DraftHost extends ReactiveControllerHost {
  /** The draft's place, or `undefined` while drafts are off (`no-draft`). */
  draftTarget(): DraftTarget | undefined;
  /** What to keep now (ticked sections only), or `undefined` when nothing is worth keeping. */
  draftSnapshot(): Omit<DraftContent, 'savedAt'> | undefined;
  /**
   * Takes a restored draft over: `applied`; `kept` when the person already
   * started typing (the draft is left alone); `refused` when its data passes
   * the element's limits (the draft is deleted).
   */
  applyDraft(content: DraftContent): Promise<'applied' | 'kept' | 'refused'>;
  /** A draft was written. */
  draftSaved(savedAt: number, expiresAt: number): void;
}

/**
 * `draft-ttl` as milliseconds: a number of seconds, or a number with a unit
 * `s`, `m`, `h` or `d` (`7d`, `12h`). Anything else is the default, 7 days.
 *
 * @param value - the attribute's value.
 */
export function parseDraftTtl(value: string | null | undefined): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/.exec(value ?? '');
  if (m === null) return DEFAULT_DRAFT_TTL_MS;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86_400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  const ms = Number(m[1]) * unit * 1000;
  return ms > 0 ? ms : DEFAULT_DRAFT_TTL_MS;
}

/**
 * Keeps a form's draft (SECURITY.md §2 "Drafts", §4 "Reliability"):
 * restores it once when the element first renders, writes it 1 s after the
 * last change and at once on `pagehide` or when the page is hidden, and at
 * once after a submission is signed (with the pending token, until the host
 * acknowledges it); deletes it on acknowledgement or "start again", and
 * expires it after the TTL. When the device cannot store the key, drafts go
 * off and `status` says so — nothing is ever written in plaintext.
 */
export class DraftController implements ReactiveController {
  readonly #host: DraftHost;
  /** The drafts part (IndexedDB store, sealing), a lazy chunk loaded on first need, and this element's store. */
  #part: DraftsPart | undefined;
  #store: DraftStore | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #status: DraftStatus = 'none';
  #restoredAt: number | undefined;
  #restoring: Promise<void> | undefined;

  constructor(host: DraftHost) {
    this.#host = host;
    host.addController(this);
  }

  /**
   * `restored` after a draft was restored (until "start again" or a
   * submission), `discarded` after a stored draft was refused for passing the
   * data limits, `unavailable` when drafts could not be kept.
   */
  get status(): DraftStatus {
    return this.#status;
  }

  /** When the restored draft had been saved. */
  get restoredAt(): number | undefined {
    return this.#restoredAt;
  }

  hostConnected(): void {
    addEventListener('pagehide', this.#onHide);
    document.addEventListener('visibilitychange', this.#onHide);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.#onHide);
    document.removeEventListener('visibilitychange', this.#onHide);
    const done = this.flush();
    done.finally(() => this.#store?.close()).catch(() => undefined);
  }

  /** `pagehide`, or the page hidden (a tab switched away may be discarded without `pagehide`). */
  readonly #onHide = (event: Event): void => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    this.flush().catch(() => undefined);
  };

  /** Restores the draft, once; resolves when done (or when there is none). */
  restore(): Promise<void> {
    this.#restoring ??= this.#restore().catch((error: unknown) => this.#fail(error));
    return this.#restoring;
  }

  async #restore(): Promise<void> {
    const target = this.#host.draftTarget();
    if (target === undefined) return;
    const { part, store } = await this.#drafts();
    const record = await store.get(target.id);
    if (record === undefined) return;
    const now = Date.now();
    if (now >= record.expiresAt || now >= record.savedAt + target.ttlMs) {
      await store.delete(target.id);
      return;
    }
    const content = await part.openDraft(await store.key(), part.draftAad(target.formId, target.schemaHash), record);
    // Not this form's (AAD mismatch), tampered, or expired by its authenticated time: never shown.
    if (content === undefined || now >= content.savedAt + target.ttlMs) {
      if (content !== undefined) await store.delete(target.id);
      return;
    }
    const outcome = await this.#host.applyDraft(content);
    if (outcome === 'kept') return;
    if (outcome === 'refused') {
      this.#status = 'discarded';
      await store.delete(target.id);
    } else {
      this.#status = 'restored';
      this.#restoredAt = content.savedAt;
    }
    this.#host.requestUpdate();
  }

  /** Something changed: write the draft 1 s from now (each change restarts the wait). */
  changed(): void {
    if (this.#status === 'unavailable' || this.#host.draftTarget() === undefined) return;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#enqueue(() => this.#write());
    }, DRAFT_DEBOUNCE_MS);
  }

  /** Writes a pending draft now (page hidden, element removed); resolves when written. */
  flush(): Promise<void> {
    if (this.#timer !== undefined) {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#enqueue(() => this.#write());
    }
    return this.#chain;
  }

  /**
   * Writes the draft now, with the submission just signed, and retires the
   * "restored" notice: what was restored has been submitted (SECURITY.md §4).
   */
  submitted(): Promise<void> {
    this.#clearNotice();
    if (this.#status === 'unavailable' || this.#host.draftTarget() === undefined) return this.#chain;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#enqueue(() => this.#write());
    return this.#chain;
  }

  /** Deletes the draft (acknowledged, "start again", `reset()`); a pending write is dropped. */
  discard(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#clearNotice();
    const target = this.#host.draftTarget();
    if (target !== undefined) this.#enqueue(async () => (await this.#drafts()).store.delete(target.id));
    return this.#chain;
  }

  #clearNotice(): void {
    if (this.#status !== 'restored' && this.#status !== 'discarded') return;
    this.#status = 'none';
    this.#restoredAt = undefined;
    this.#host.requestUpdate();
  }

  #enqueue(task: () => Promise<void>): void {
    this.#chain = this.#chain.then(() => (this.#restoring ?? Promise.resolve()).then(task)).catch((error: unknown) => this.#fail(error));
  }

  async #write(): Promise<void> {
    const target = this.#host.draftTarget();
    if (target === undefined || this.#status === 'unavailable') return;
    const { part, store } = await this.#drafts();
    const snapshot = this.#host.draftSnapshot();
    if (snapshot === undefined) {
      await store.delete(target.id);
      return;
    }
    const key = await store.key();
    const record = await part.sealDraft(key, part.draftAad(target.formId, target.schemaHash), { ...snapshot, savedAt: Date.now() }, target.ttlMs);
    await store.put(target.id, record);
    this.#host.draftSaved(record.savedAt, record.expiresAt);
  }

  /** The drafts part and this element's store, loading the part on first need. */
  async #drafts(): Promise<{ readonly part: DraftsPart; readonly store: DraftStore }> {
    const part = this.#part ?? (await loadDrafts());
    this.#part = part;
    this.#store ??= new part.DraftStore();
    return { part, store: this.#store };
  }

  #fail(error: unknown): void {
    if (this.#part !== undefined && error instanceof this.#part.DraftsUnavailableError) {
      this.#status = 'unavailable';
      clearTimeout(this.#timer);
      this.#timer = undefined;
      this.#host.requestUpdate();
    }
    // Other storage failures (quota, a closed connection) lose one write; the next change retries.
  }
}
