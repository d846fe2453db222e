import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext, inputValue, textOrUndefined } from './field-context.js';

/** What varies between the one-line `<input>` controls of {@link inputControl}. */
export interface InputControlOptions {
  /** The input's `type`. */
  readonly type: 'text' | 'date' | 'month';
  /** The input's `class`, e.g. `input input--date`. */
  readonly class: string;
  /** `maxlength`; absent: no attribute. */
  readonly maxlength?: number | undefined;
  /** `inputmode`; absent: no attribute. */
  readonly inputmode?: string | undefined;
  /** `autocomplete`; absent: no attribute. */
  readonly autocomplete?: string | undefined;
  /** `spellcheck`; absent: no attribute. */
  readonly spellcheck?: 'false' | undefined;
  /** `placeholder`; absent: no attribute. */
  readonly placeholder?: string | undefined;
}

/**
 * The `<input>` of a text-like field (`text`, `date`, `year-month`): bound to
 * the field's ID, path and value (through `live()`, so re-rendering never
 * rewrites what the person is typing), with `aria-required`, `aria-invalid`
 * and `aria-describedby` from the context; an input reports the text (empty:
 * no value), leaving the control reports `onLeave`.
 *
 * @param ctx - the field context.
 * @param options - type, class and the optional attributes that differ per kind.
 * @returns the control, to put in the field's `singleFrame`.
 */
export function inputControl(ctx: FieldContext, options: InputControlOptions): TemplateResult {
  const { field } = ctx;
  return html`<input
    part="control"
    class=${options.class}
    type=${options.type}
    spellcheck=${options.spellcheck ?? nothing}
    id=${ctx.id}
    name=${field.path}
    .value=${live(displayText(ctx.value))}
    ?readonly=${ctx.readonly}
    maxlength=${options.maxlength ?? nothing}
    inputmode=${options.inputmode ?? nothing}
    autocomplete=${options.autocomplete ?? nothing}
    placeholder=${options.placeholder ?? nothing}
    aria-required=${field.required ? 'true' : nothing}
    aria-invalid=${ctx.error === undefined ? nothing : 'true'}
    aria-describedby=${describedBy(ctx) ?? nothing}
    @input=${(e: Event) => ctx.onValue(textOrUndefined(inputValue(e)))}
    @blur=${ctx.onLeave}
  />`;
}
