import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MaterialModel } from '../ir/types.js';
import type { AttachmentRef } from '../submission/index.js';
import { MAX_ATTACHMENTS } from '../submission/limits.js';
import type { DraftFile } from './drafts/draft-crypto.js';
import type { FileProblem, HeldFile } from './files/inspect-file.js';
import type { SniffedType } from './files/sniff.js';
import { loadFiles } from './lazy/files.js';

/** What the attachments controller tells its host. */
export interface AttachmentsHost extends ReactiveControllerHost {
  /** The files of a slot changed (added or removed): revalidate, autosave, tell the page. */
  attachmentsChanged(slot: string): void;
}

/** A held file with the payload entry that describes it (size and SHA-256 of its final bytes). */
export interface SlotFile extends HeldFile {
  readonly ref: AttachmentRef;
}

/** `photo.jpg` → `photo (2).jpg`, until the name is free. */
function uniqueName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 2; ; n += 1) {
    const candidate = `${stem} (${n})${ext}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * Holds the files attached to a form, by slot — a material's upload list
 * (slot = material id) or a `file` field (slot = its data path): inspects
 * each picked or dropped file ({@link inspectFile}), keeps the accepted bytes
 * and their payload entry (a single-file slot keeps one), remembers the last
 * refusal per slot, and owns the object URLs of image previews, revoking each
 * when its file goes or the element leaves the page.
 */
export class AttachmentsController implements ReactiveController {
  readonly #host: AttachmentsHost;
  readonly #files = new Map<string, SlotFile[]>();
  readonly #problems = new Map<string, readonly FileProblem[]>();
  readonly #warnings = new Map<string, readonly FileProblem[]>();
  readonly #busy = new Set<string>();
  readonly #previews = new Map<HeldFile, string>();

  constructor(host: AttachmentsHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    for (const url of this.#previews.values()) URL.revokeObjectURL(url);
    this.#previews.clear();
  }

  /** Held files by slot. */
  get files(): ReadonlyMap<string, readonly SlotFile[]> {
    return this.#files;
  }

  /** Slots whose files are being inspected. */
  get busy(): ReadonlySet<string> {
    return this.#busy;
  }

  /** Why the last file picked for a slot was refused, if it was. */
  problemsOf(slot: string): readonly FileProblem[] {
    return this.#problems.get(slot) ?? [];
  }

  /** What to point out about the files held in a slot (they are held all the same). */
  warningsOf(slot: string): readonly FileProblem[] {
    return this.#warnings.get(slot) ?? [];
  }

  /** Every held file of the given slots, in their order. */
  heldIn(slots: readonly string[]): SlotFile[] {
    return slots.flatMap((slot) => this.#files.get(slot) ?? []);
  }

  /**
   * Inspects and adds files to a slot. Accepted files are held (in a
   * single-file slot, replacing the one held); refusals are remembered to be shown.
   *
   * @param slot - the material id or the `file` field's path.
   * @param material - the material whose rules apply.
   * @param files - picked or dropped files.
   * @param single - whether the slot holds one file (a photo, a `file` field).
   */
  async add(slot: string, material: MaterialModel, files: readonly Blob[], single: boolean): Promise<void> {
    this.#busy.add(slot);
    this.#host.requestUpdate();
    const problems: FileProblem[] = [];
    const warnings: FileProblem[] = [];
    try {
      // File handling is a lazy part of the widget: fetched on the first file picked.
      const { describeAttachment, inspectFile } = await loadFiles();
      for (const file of single ? files.slice(0, 1) : files) {
        const result = await inspectFile(file, material);
        if (!result.ok) {
          problems.push(...result.problems);
          continue;
        }
        warnings.push(...result.warnings);
        const current = single ? [] : [...(this.#files.get(slot) ?? [])];
        const others = [...this.#files.entries()].filter(([id]) => id !== slot).flatMap(([, list]) => list);
        if (others.length + current.length >= MAX_ATTACHMENTS) {
          problems.push({ code: 'E_FILE_TOO_MANY', params: { limit: MAX_ATTACHMENTS } });
          break;
        }
        const taken = new Set([...others, ...current].map((f) => f.name));
        const named = { ...result.file, name: uniqueName(result.file.name, taken) };
        const ref = await describeAttachment({ field: named.material, name: named.name, mediaType: named.mediaType, bytes: named.bytes });
        for (const old of this.#files.get(slot) ?? []) if (!current.includes(old)) this.#revoke(old);
        current.push({ ...named, name: ref.name, ref });
        this.#files.set(slot, current);
      }
    } finally {
      this.#busy.delete(slot);
    }
    if (problems.length > 0) this.#problems.set(slot, problems);
    else this.#problems.delete(slot);
    if (warnings.length > 0) this.#warnings.set(slot, warnings);
    else if (problems.length === 0) this.#warnings.delete(slot);
    this.#host.attachmentsChanged(slot);
  }

  /** Removes a held file from its slot. */
  remove(slot: string, file: HeldFile): void {
    const list = (this.#files.get(slot) ?? []).filter((f) => f !== file);
    if (list.length === 0) this.#files.delete(slot);
    else this.#files.set(slot, list);
    this.#revoke(file);
    this.#problems.delete(slot);
    this.#warnings.delete(slot);
    this.#host.attachmentsChanged(slot);
  }

  /** Forgets every file (reset). */
  clear(): void {
    for (const url of this.#previews.values()) URL.revokeObjectURL(url);
    this.#previews.clear();
    this.#files.clear();
    this.#problems.clear();
    this.#warnings.clear();
  }

  /**
   * Takes over the files of a restored draft: only those in a known slot
   * whose bytes are still one of the accepted types.
   *
   * @param files - the draft's files.
   * @param slots - the form's slots (material ids and `file` field paths).
   */
  async restore(files: readonly DraftFile[], slots: ReadonlySet<string>): Promise<void> {
    this.clear();
    if (files.length === 0) return;
    const { describeAttachment, sniffType } = await loadFiles();
    for (const f of files) {
      const type: SniffedType | undefined = sniffType(f.bytes);
      if (!slots.has(f.slot) || type === undefined || type !== f.mediaType) continue;
      const ref = await describeAttachment({ field: f.material, name: f.name, mediaType: type, bytes: f.bytes });
      const list = this.#files.get(f.slot) ?? [];
      list.push({ material: f.material, name: ref.name, mediaType: type, bytes: f.bytes, ref });
      this.#files.set(f.slot, list);
    }
  }

  /** The files of every slot, for a draft. */
  draftFiles(slots: readonly string[]): DraftFile[] {
    return slots.flatMap((slot) =>
      (this.#files.get(slot) ?? []).map((f) => ({ slot, material: f.material, name: f.name, mediaType: f.mediaType, bytes: f.bytes })),
    );
  }

  /** An object URL to preview an image file (made on first need), `undefined` for a PDF. */
  previewOf(file: HeldFile): string | undefined {
    if (file.mediaType === 'application/pdf') return undefined;
    let url = this.#previews.get(file);
    if (url === undefined) {
      url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType }));
      this.#previews.set(file, url);
    }
    return url;
  }

  #revoke(file: HeldFile): void {
    const url = this.#previews.get(file);
    if (url !== undefined) URL.revokeObjectURL(url);
    this.#previews.delete(file);
  }
}
