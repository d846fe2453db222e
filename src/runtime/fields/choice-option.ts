import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { FieldContext } from './field-context.js';

/** One checkbox or radio of {@link choiceOption}. */
export interface ChoiceOptionInput {
  /** `checkbox` or `radio`: the input's `type` and `class`. */
  readonly type: 'checkbox' | 'radio';
  /** The input's ID, from {@link optionId}. */
  readonly id: string;
  /** The input's `name` (radios share one); absent: no attribute. */
  readonly name?: string | undefined;
  /** The input's `value` attribute. */
  readonly value: string;
  /** Whether it is ticked, bound through `live()`. */
  readonly checked: boolean;
  /** The label text, in the context's language. */
  readonly label: string;
  /** What a change of the input reports. */
  readonly onChange: (event: Event) => void;
}

/**
 * The ID of the option at `index` of a group: the first option gets the
 * field's own ID (so that its label `for`, error-summary link and focus land
 * on it), the others `<id>-<index>`.
 *
 * @param id - the field's (or group's) control ID.
 * @param index - the option's position, from 0.
 */
export function optionId(id: string, index: number): string {
  return index === 0 ? id : `${id}-${index}`;
}

/**
 * One option of a checkbox or radio group: the input, disabled when the form
 * is read-only and `aria-invalid` while the field has an error, then its label.
 *
 * @param ctx - the field context.
 * @param option - the input's type, ID, value, state, label and change handler.
 */
export function choiceOption(ctx: FieldContext, option: ChoiceOptionInput): TemplateResult {
  return html`<div class="option">
      <input
        part="control"
        class=${option.type}
        type=${option.type}
        id=${option.id}
        name=${option.name ?? nothing}
        value=${option.value}
        .checked=${live(option.checked)}
        ?disabled=${ctx.readonly}
        aria-invalid=${ctx.error === undefined ? nothing : 'true'}
        @change=${option.onChange}
      />
      <label for=${option.id}>${option.label}</label>
    </div>`;
}
