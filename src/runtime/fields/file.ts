import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, MaterialModel } from '../../ir/types.js';
import { formatBytes } from '../files/format-bytes.js';
import type { HeldFile } from '../files/inspect-file.js';
import { uiText } from '../i18n/ui-text.js';
import { type FieldContext, fieldIds } from './field-context.js';

/** The attachment state of one upload slot, handed to its renderer. */
export interface UploadContext {
  /** The material whose rules apply (formats, sizes, photo specification). */
  readonly material: MaterialModel;
  readonly held: readonly HeldFile[];
  /** Why the last file picked was refused, localised. */
  readonly refused: string | undefined;
  /** What to point out about the file held (it is held all the same), localised. */
  readonly warning?: string | undefined;
  readonly busy: boolean;
  readonly previewOf: (file: HeldFile) => string | undefined;
  readonly onFiles: (files: readonly File[]) => void;
  readonly onRemove: (file: HeldFile) => void;
}

/** Input of {@link renderUploadSlot}. */
export interface UploadSlotOptions {
  readonly upload: UploadContext;
  /** ID of the file input. */
  readonly id: string;
  readonly title: string;
  readonly required: boolean;
  readonly hint: string | undefined;
  readonly error: string | undefined;
  readonly lang: Lang;
  readonly readonly: boolean;
  /** Several files (a material's list) or one (a photo, a `file` field). */
  readonly multiple: boolean;
  /** `data-path` of a `file` field, or `data-material` of a material's list. */
  readonly path?: string;
  readonly materialId?: string;
}

/** The hint of a material: its note, formats, size limits and photo specification. */
export function materialHint(material: MaterialModel, lang: Lang): string {
  const colon = lang === 'en' ? ': ' : '：';
  const sep = lang === 'en' ? ', ' : '，';
  const parts: string[] = [];
  if (material.note !== undefined) parts.push(material.note[lang].replace(/[。.]$/, ''));
  const types = (material.accept ?? ['image/jpeg', 'image/png', 'application/pdf']).map((t) => (t.split('/')[1] ?? t).replace('jpeg', 'jpg').toUpperCase());
  const sizes = [
    material.minBytes === undefined ? undefined : `${uiText('fileMin', lang)} ${formatBytes(material.minBytes)}`,
    material.maxBytes === undefined ? undefined : `${uiText('fileMax', lang)} ${formatBytes(material.maxBytes)}`,
  ].filter((x): x is string => x !== undefined);
  parts.push(`${uiText('fileTypes', lang)}${colon}${[types.join(' / '), ...sizes].join(sep)}`);
  const p = material.photo;
  if (p !== undefined) parts.push(`${uiText('photoSpec', lang)}${colon}${p.width}×${p.height} px${sep}${p.dpi} DPI${sep}${uiText('colourPhoto', lang)}`);
  parts.push(uiText('fileHint', lang).replace(/[。.]$/, ''));
  return `${parts.join(lang === 'en' ? '. ' : '。')}${lang === 'en' ? '.' : '。'}`;
}

/**
 * An upload slot: label, hint, error, a file input inside a drop zone, and
 * the held files with an image preview (an object URL of the checked,
 * stripped bytes) and a remove button. The file input is the only control a
 * keyboard needs; the drop zone is a convenience for a mouse.
 *
 * @param options - the slot's state, texts and callbacks.
 */
export function renderUploadSlot(options: UploadSlotOptions): TemplateResult {
  const { upload, id, lang } = options;
  const ids = fieldIds(id);
  const error = upload.refused ?? options.error;
  const warning = error === undefined ? upload.warning : undefined;
  const described = [options.hint === undefined ? '' : ids.hint, error === undefined ? '' : ids.error, warning === undefined ? '' : ids.warning]
    .filter(Boolean)
    .join(' ');
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    if (options.readonly) return;
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) upload.onFiles(files);
  };
  return html`<div
    part="field"
    class="field upload ${error === undefined ? '' : 'field--error'}"
    data-path=${options.path ?? nothing}
    data-material=${options.materialId ?? nothing}
  >
    <div class="label-row">
      <label part="label" for=${id}>${options.title}</label>${options.required ? html`<span class="required-marker" aria-hidden="true">*</span>` : nothing}
    </div>
    ${options.hint === undefined ? nothing : html`<p part="hint" class="hint" id=${ids.hint}>${options.hint}</p>`}
    ${error === undefined
      ? nothing
      : html`<p part="error-message" class="error-message" id=${ids.error}><span class="visually-hidden">${uiText('errorPrefix', lang)}</span>${error}</p>`}
    ${warning === undefined
      ? nothing
      : html`<p class="warning-message" id=${ids.warning}><span class="visually-hidden">${uiText('warningPrefix', lang)}</span>${warning}</p>`}
    <div class="dropzone" @dragover=${(e: DragEvent) => e.preventDefault()} @drop=${onDrop}>
      <input
        part="control"
        class="file-input"
        type="file"
        id=${id}
        accept=${(upload.material.accept ?? []).join(',') || nothing}
        ?multiple=${options.multiple}
        ?disabled=${options.readonly}
        aria-required=${options.required ? 'true' : nothing}
        aria-invalid=${error === undefined ? nothing : 'true'}
        aria-describedby=${described || nothing}
        aria-busy=${upload.busy ? 'true' : nothing}
        @change=${(e: Event) => {
          const input = e.target as HTMLInputElement;
          const files = [...(input.files ?? [])];
          // Cleared so that picking the same file again (after fixing it) fires change again.
          input.value = '';
          if (files.length > 0) upload.onFiles(files);
        }}
      />
    </div>
    <div class="files-status" aria-live="polite">
      ${upload.held.length === 0
        ? nothing
        : html`<ul class="files">
            ${upload.held.map((file) => {
              const preview = upload.previewOf(file);
              return html`<li class="file">
                ${preview === undefined ? nothing : html`<img class="file__preview" src=${preview} alt="" width="72" />`}
                <span class="file__name">${file.name}</span>
                <span class="file__size">${formatBytes(file.bytes.length)}</span>
                ${options.readonly
                  ? nothing
                  : html`<button type="button" part="remove" class="link-button" @click=${() => upload.onRemove(file)}>${uiText('remove', lang)}</button>`}
              </li>`;
            })}
          </ul>`}
    </div>
  </div>`;
}

/**
 * A `file` field: one upload whose record (`{name, mediaType, size, sha256}`)
 * is the field's value, for a material whose need depends on an answer.
 *
 * @param ctx - the field context; `ctx.upload` carries the slot's state.
 */
export function renderFile(ctx: FieldContext): TemplateResult {
  const { field, lang } = ctx;
  const upload = ctx.upload;
  if (upload === undefined) return html`${nothing}`;
  const hints = [field.hint?.[lang], materialHint(upload.material, lang)].filter((x): x is string => x !== undefined);
  return renderUploadSlot({
    upload,
    id: ctx.id,
    title: field.title[lang],
    required: field.required,
    hint: hints.join(lang === 'en' ? ' ' : ''),
    error: ctx.error,
    lang,
    readonly: ctx.readonly,
    multiple: false,
    path: field.path,
  });
}
