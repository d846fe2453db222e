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

/** What of a section decides its render key, worked out once per section model. */
interface SectionShape {
  /** Fields with a `visibleWhen` condition. */
  readonly conditional: readonly FieldModel[];
  /** It has a `file` field, whose upload slot lives outside the data. */
  readonly hasFile: boolean;
  /** Every field's value lives under `/<section.key>/`. */
  readonly contained: boolean;
}

const shapes = new WeakMap<SectionModel, SectionShape>();

function shapeOf(section: SectionModel): SectionShape {
  let shape = shapes.get(section);
  if (shape === undefined) {
    shape = {
      conditional: section.fields.filter((f) => f.visibleWhen !== undefined),
      hasFile: section.fields.some((f) => f.kind === 'file'),
      contained: section.fields.every((f) => f.path.startsWith(`/${section.key}/`)),
    };
    shapes.set(section, shape);
  }
  return shape;
}

/** What the element knows about a section beyond {@link SectionOptions}. */
export interface SectionState {
  /** Changes whenever a message shown in the section changes (see `shownMessages`). */
  readonly messages: string;
  /** Changes whenever the typed text of one of its number inputs changes. */
  readonly epoch: string;
}

/**
 * The render key of a section, for lit's `guard`: while every item is the same
 * (`===`), the section's template would come out the same and is not made
 * again. The data is compared by the section's own object, which
 * `writePointer` replaces only when something in the section changes, so a key
 * re-renders the edited section instead of every field of the form
 * (docs/benchmarks.md §2). A section with a `file` field is always rendered.
 *
 * @param options - what the section would be rendered with.
 * @param state - its messages and typed-text epoch.
 */
export function sectionDeps(options: SectionOptions, state: SectionState): unknown[] {
  const { section, data } = options;
  const shape = shapeOf(section);
  let visible = '';
  for (const field of shape.conditional) visible += isFieldVisible(field, data) ? '1' : '0';
  return [
    section,
    options.lang,
    options.readonly,
    options.divisions,
    shape.contained ? readPointer(data, `/${section.key}`) : data,
    visible,
    state.messages,
    state.epoch,
    shape.hasFile ? {} : undefined,
  ];
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
