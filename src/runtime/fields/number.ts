import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, displayText, type FieldContext } from './field-context.js';
import { singleFrame } from './field-frame.js';

/**
 * What a number input holds: a JSON number, or `undefined` when empty or not a
 * number yet. An `integer` field stays a number too — `12` is sent as the JSON
 * integer 12; `12.5` is sent as is and the validator names the problem.
 */
function parse(input: HTMLInputElement): number | undefined {
  if (input.value === '') return undefined;
  const n = Number(input.value);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A number field (`kind: 'number'` or `'integer'`): `<input type="number">`.
 * The typed text is kept apart from the parsed value and bound back verbatim,
 * so that re-rendering never rewrites what the person is typing (`05`, `1.`).
 *
 * @param ctx - the field context.
 */
export function renderNumber(ctx: FieldContext): TemplateResult {
  const { field } = ctx;
  const integer = field.kind === 'integer';
  return singleFrame(
    ctx,
    html`<input
      part="control"
      class="input input--number"
      type="number"
      id=${ctx.id}
      name=${field.path}
      .value=${live(ctx.raw ?? displayText(ctx.value))}
      ?readonly=${ctx.readonly}
      min=${field.minimum ?? nothing}
      max=${field.maximum ?? nothing}
      step=${integer ? '1' : 'any'}
      inputmode=${field.inputMode ?? (integer ? 'numeric' : 'decimal')}
      autocomplete=${field.autocomplete ?? nothing}
      aria-required=${field.required ? 'true' : nothing}
      aria-invalid=${ctx.error === undefined ? nothing : 'true'}
      aria-describedby=${describedBy(ctx) ?? nothing}
      @input=${(e: Event) => {
        const input = e.target as HTMLInputElement;
        ctx.onValue(parse(input), input.value);
      }}
      @blur=${ctx.onLeave}
    />`,
  );
}
