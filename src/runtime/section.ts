import { html, nothing, type TemplateResult } from 'lit';
import type { FieldModel, Lang, SectionModel } from '../ir/types.js';
import type { DivisionTree } from './compiled-form.js';
import { idForPath } from './fields/field-context.js';
import type { UploadContext } from './fields/file.js';
import { renderField } from './fields/render-field.js';
import { type FormData, isFieldVisible, readPointer } from './form-state.js';

/** Input of {@link renderSection}. */
export interface SectionOptions {
  readonly section: SectionModel;
  readonly lang: Lang;
  readonly data: FormData;
  /** Typed text of number inputs by path. */
  readonly raw: ReadonlyMap<string, string>;
  /** The inline error and warning to show at a path, in `lang`. */
  readonly messageAt: (path: string) => { readonly error: string | undefined; readonly warning: string | undefined };
  readonly readonly: boolean;
  /** The 省/市/县 tree of forms with address or region fields. */
  readonly divisions?: DivisionTree | undefined;
  /** The upload slot of a `file` field. */
  readonly uploadFor?: (field: FieldModel) => UploadContext;
  readonly onValue: (field: FieldModel, value: unknown, raw: string | undefined) => void;
  readonly onLeave: (field: FieldModel) => void;
}

/**
 * One section as a `<fieldset>` whose legend is its title, with the fields
 * whose `visibleWhen` holds, in the model's order.
 *
 * @param options - the section, the data and the callbacks.
 */
export function renderSection(options: SectionOptions): TemplateResult {
  const { section, lang, data } = options;
  return html`<fieldset part="section" class="section" data-section=${section.key}>
    <legend part="section-title" class="section-title">${section.title[lang]}</legend>
    ${section.hint === undefined ? nothing : html`<p part="hint" class="hint">${section.hint[lang]}</p>`}
    ${section.fields
      .filter((field) => isFieldVisible(field, data))
      .map((field) => {
        const { error, warning } = options.messageAt(field.path);
        return renderField({
          field,
          lang,
          id: idForPath(field.path),
          value: readPointer(data, field.path),
          raw: options.raw.get(field.path),
          error,
          warning,
          readonly: options.readonly,
          divisions: options.divisions,
          upload: field.kind === 'file' ? options.uploadFor?.(field) : undefined,
          onValue: (value, raw) => options.onValue(field, value, raw),
          onLeave: () => options.onLeave(field),
        });
      })}
  </fieldset>`;
}
