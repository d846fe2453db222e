/**
 * The floor: a minimal hand-written Lit form. One element, plain inputs, and
 * each field checked on its own as it is typed in (required, maxLength,
 * pattern, two phone formats) — no whole-form validation, no rules engine.
 * It renders the same sections and fields as yibiao (from a compact list made
 * from the yibiao model), shows a service's section while it is ticked and a
 * conditional field while its condition holds (lists, files and addresses are
 * plain text inputs here).
 */
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';

/** A field: key, title, required, widget (text/select/checkbox), pattern, maxLength, format, options, visibleWhen. */
export interface FloorField {
  readonly k: string;
  readonly t: string;
  readonly r: boolean;
  readonly w: 't' | 's' | 'c';
  readonly p?: string;
  readonly m?: number;
  readonly f?: string;
  readonly o?: readonly (readonly [string, string])[];
  /** Shown while the sibling field `k` has one of the values `in`, or (a list) includes `has`. */
  readonly v?: { readonly k: string; readonly in?: readonly (string | number | boolean)[]; readonly has?: string | number | boolean };
}

export interface FloorSection {
  readonly k: string;
  readonly t: string;
  readonly s?: string;
  readonly f: readonly FloorField[];
}

export interface FloorFormData {
  readonly services: readonly (readonly [string, string])[];
  readonly sections: readonly FloorSection[];
}

const FORMATS: Readonly<Record<string, RegExp>> = {
  'cn-mobile': /^1[3-9]\d{9}$/,
  'cn-phone': /^(?:1[3-9]\d{9}|0\d{2,3}-?[2-9]\d{6,7}(?:-\d{1,6})?)$/,
};

function check(field: FloorField, value: string): string | undefined {
  if (value === '') return field.r ? `请填写“${field.t}”` : undefined;
  if (field.m !== undefined && value.length > field.m) return `“${field.t}”过长`;
  if (field.p !== undefined && !new RegExp(field.p, 'u').test(value)) return `“${field.t}”的格式不正确`;
  const format = field.f === undefined ? undefined : FORMATS[field.f];
  if (format !== undefined && !format.test(value)) return `“${field.t}”的格式不正确`;
  return undefined;
}

/**
 * Defines `<bench-floor>` for one form.
 *
 * @param form - the compact form.
 * @param tickAll - start with every service ticked.
 */
export function defineFloor(form: FloorFormData, tickAll: boolean): void {
  const byId = new Map<string, [FloorSection, FloorField]>();
  for (const s of form.sections) for (const f of s.f) byId.set(`fl-${s.k}-${f.k}`, [s, f]);

  class FloorForm extends LitElement {
    static override styles = css`
      :host { display: block; font: 16px/1.4 system-ui, sans-serif; }
      fieldset { margin: 0 0 1rem; }
      .field { margin: 0 0 0.5rem; }
      label { display: block; }
      .error { color: #b00020; margin: 0; }
    `;

    readonly #values = new Map<string, string | boolean>();
    readonly #errors = new Map<string, string>();
    readonly #ticked = new Set<string>(tickAll ? form.services.map(([id]) => id) : []);

    #visible(section: FloorSection, field: FloorField): boolean {
      const when = field.v;
      if (when === undefined) return true;
      const value = this.#values.get(`fl-${section.k}-${when.k}`);
      return when.in !== undefined ? value !== undefined && when.in.includes(value) : false;
    }

    readonly #onInput = (event: Event): void => {
      const target = event.target as HTMLInputElement | HTMLSelectElement;
      const entry = byId.get(target.id);
      if (entry === undefined) return;
      const [, field] = entry;
      const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
      this.#values.set(target.id, value);
      const error = typeof value === 'string' ? check(field, value) : undefined;
      if (error === undefined) this.#errors.delete(target.id);
      else this.#errors.set(target.id, error);
      this.requestUpdate();
    };

    readonly #onTick = (event: Event): void => {
      const box = event.target as HTMLInputElement;
      const service = box.value;
      if (box.checked) this.#ticked.add(service);
      else this.#ticked.delete(service);
      this.requestUpdate();
    };

    #field(section: FloorSection, field: FloorField): TemplateResult {
      const id = `fl-${section.k}-${field.k}`;
      const error = this.#errors.get(id);
      let control: TemplateResult;
      if (field.w === 's') {
        control = html`<select id=${id}><option value=""></option>${(field.o ?? []).map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select>`;
      } else if (field.w === 'c') {
        control = html`<input type="checkbox" id=${id} />`;
      } else {
        control = html`<input id=${id} maxlength=${field.m ?? nothing} aria-invalid=${error === undefined ? 'false' : 'true'} />`;
      }
      return html`<div class="field"><label for=${id}>${field.t}${field.r ? ' *' : ''}</label>${control}${
        error === undefined ? nothing : html`<p class="error" id=${`${id}-error`}>${error}</p>`
      }</div>`;
    }

    protected override render(): TemplateResult {
      return html`<form novalidate @input=${this.#onInput} @change=${this.#onInput}>
        <fieldset @change=${this.#onTick}>
          <legend>申请联办事项</legend>
          ${form.services.map(
            ([id, title], i) =>
              html`<label><input type="checkbox" id=${i === 0 ? 'fl-services' : `fl-services-${i}`} value=${id} .checked=${this.#ticked.has(id)} />${title}</label>`,
          )}
        </fieldset>
        ${form.sections
          .filter((s) => s.s === undefined || this.#ticked.has(s.s))
          .map(
            (s) => html`<fieldset data-section=${s.k}>
              <legend>${s.t}</legend>
              ${s.f.filter((f) => this.#visible(s, f)).map((f) => this.#field(s, f))}
            </fieldset>`,
          )}
        <button type="submit">提交</button>
      </form>`;
    }
  }
  customElements.define('bench-floor', FloorForm);
}
