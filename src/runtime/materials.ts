import { html, nothing, type TemplateResult } from 'lit';
import type { FormModel, Lang, MaterialModel } from '../ir/types.js';
import { materialHint, renderUploadSlot, type UploadContext } from './fields/file.js';
import { uiText } from './i18n/ui-text.js';

/** Whether a material is needed for the ticked services (no services listed: always). */
export function isMaterialApplicable(material: MaterialModel, ticked: readonly string[]): boolean {
  return material.services.length === 0 || material.services.some((s) => ticked.includes(s));
}

/** Materials taken as uploads. */
export function isUploadMaterial(material: MaterialModel): boolean {
  return material.channels.includes('upload');
}

/** Materials only handed in at the counter: listed as notes, never as upload slots. */
export function isOfflineOnly(material: MaterialModel): boolean {
  return material.channels.length === 1 && material.channels[0] === 'offline';
}

/**
 * Whether an upload is required: the material is required and uploading is
 * the only way to provide it (no data sharing, no counter alternative).
 */
export function isUploadRequired(material: MaterialModel): boolean {
  return material.required && material.channels.every((c) => c === 'upload');
}

/** Ids of materials that a `file` field of the form collects in place (listed there, not in the materials section). */
export function fieldMaterialIds(model: FormModel): Set<string> {
  return new Set(model.sections.flatMap((s) => s.fields.filter((f) => f.kind === 'file').map((f) => f.material ?? f.key)));
}

/** The place (issue path) of a material's problems. */
export function materialPath(id: string): string {
  return `#material/${id}`;
}

/** ID of a material's file input. */
export function materialControlId(id: string): string {
  return `yb-material-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Input of {@link renderMaterials}. */
export interface MaterialsOptions {
  /** The materials of the ticked services that have no `file` field. */
  readonly materials: readonly MaterialModel[];
  readonly lang: Lang;
  readonly uploadOf: (material: MaterialModel) => UploadContext;
  /** The message to show at a material (required and missing), in `lang`. */
  readonly errorAt: (id: string) => string | undefined;
  readonly readonly: boolean;
}

/**
 * The materials of the ticked services: an upload slot (pick or drop, with
 * the accepted formats, size and photo specification as a hint) for each
 * material taken online, and a «请携带至窗口» list of the offline-only ones.
 *
 * @param options - applicable materials, their slots, messages and callbacks.
 * @returns the section, or `nothing` when no material applies.
 */
export function renderMaterials(options: MaterialsOptions): TemplateResult | typeof nothing {
  const uploads = options.materials.filter(isUploadMaterial);
  const offline = options.materials.filter(isOfflineOnly);
  if (uploads.length === 0 && offline.length === 0) return nothing;
  const { lang } = options;
  return html`<fieldset part="section" class="section section--materials" data-section="materials">
    <legend part="section-title" class="section-title">${uiText('materials', lang)}</legend>
    ${uploads.map((m) =>
      renderUploadSlot({
        upload: options.uploadOf(m),
        id: materialControlId(m.id),
        title: m.title[lang],
        required: isUploadRequired(m),
        hint: materialHint(m, lang),
        error: options.errorAt(m.id),
        lang,
        readonly: options.readonly,
        multiple: m.photo === undefined,
        materialId: m.id,
      }),
    )}
    ${offline.length === 0
      ? nothing
      : html`<div class="offline">
          <p class="offline__title">${uiText('bringToCounter', lang)}</p>
          <ul>
            ${offline.map(
              (m) => html`<li>${m.title[lang]}${m.note === undefined ? nothing : html`<span class="hint">${lang === 'en' ? ` (${m.note[lang]})` : `（${m.note[lang]}）`}</span>`}</li>`,
            )}
          </ul>
        </div>`}
  </fieldset>`;
}
