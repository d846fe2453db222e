import type { Lang, MaterialModel } from '../ir/types.js';
import type { AttachmentsController } from './attachments-controller.js';
import type { UploadContext } from './fields/file.js';
import type { HeldFile } from './files/inspect-file.js';
import { formatMessage } from './i18n/messages.js';

/** Input of {@link uploadContext}. */
export interface UploadContextOptions {
  readonly attachments: AttachmentsController;
  /** The material id, or the `file` field's path. */
  readonly slot: string;
  /** The material whose rules apply. */
  readonly material: MaterialModel;
  /** Whether the slot holds one file (a photo, a `file` field). */
  readonly single: boolean;
  readonly lang: Lang;
  /** The element: files are taken or removed only while it is not `readonly` at that moment. */
  readonly element: { readonly readonly: boolean };
}

/**
 * The state and callbacks of one upload slot, as the file controls render it.
 *
 * @param options - the attachments, the slot and its material, the language and the element.
 */
export function uploadContext(options: UploadContextOptions): UploadContext {
  const { attachments, slot, material, single, element } = options;
  const refused = attachments.problemsOf(slot)[0];
  const warned = attachments.warningsOf(slot);
  return {
    material,
    held: attachments.files.get(slot) ?? [],
    refused: refused === undefined ? undefined : formatMessage(refused.code, material.title, refused.params)[options.lang],
    warning: warned.length === 0 ? undefined : warned.map((w) => formatMessage(w.code, material.title, w.params)[options.lang]).join(options.lang === 'en' ? ' ' : ''),
    busy: attachments.busy.has(slot),
    previewOf: (file: HeldFile) => attachments.previewOf(file),
    onFiles: (files) => {
      if (!element.readonly) attachments.add(slot, material, files, single).catch(() => undefined);
    },
    onRemove: (file) => {
      if (!element.readonly) attachments.remove(slot, file);
    },
  };
}
