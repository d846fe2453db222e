import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizedText } from '../../ir/types.js';
import type { Division } from '../compiled-form.js';
import { uiText } from '../i18n/ui-text.js';
import { describedBy, type FieldContext, fieldIds, inputValue, textOrUndefined } from './field-context.js';
import { fieldMessages, requiredMarker } from './field-frame.js';

/** The three levels of the picker, top down. */
const LEVELS = ['province', 'city', 'county'] as const;
type Level = (typeof LEVELS)[number];

/** The visible labels of the picker's controls (STYLE.md: the seed's words in Chinese). */
export const ADDRESS_LABELS = {
  province: { 'zh-CN': '省', en: 'Province' },
  city: { 'zh-CN': '市', en: 'City' },
  county: { 'zh-CN': '县（市、区）', en: 'County' },
  detail: { 'zh-CN': '详细地址', en: 'Street address' },
  codeHint: {
    'zh-CN': '请填写 6 位行政区划代码（GB/T 2260），如 370102。',
    en: 'Enter the 6-digit administrative division code (GB/T 2260), for example 370102.',
  },
} as const satisfies Record<string, LocalizedText>;

/** The stored value of an address / region field: codes plus, for `address`, a detail line. */
export interface AddressValue {
  province?: string;
  city?: string;
  county?: string;
  detail?: string;
}

/** The value as an {@link AddressValue}, whatever is in memory. */
export function addressValue(value: unknown): AddressValue {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const source = value as Record<string, unknown>;
  const out: AddressValue = {};
  for (const key of [...LEVELS, 'detail'] as const) {
    const v = source[key];
    if (typeof v === 'string' && v !== '') out[key] = v;
  }
  return out;
}

/**
 * The value after one part changed: choosing a province clears city and
 * county, choosing a city clears the county (the old ones belong to another
 * parent). An object with nothing left is `undefined`, so a required field
 * reports itself as missing.
 */
export function withPart(value: AddressValue, part: Level | 'detail', next: string | undefined): AddressValue | undefined {
  const out: AddressValue = { ...value };
  if (next === undefined) delete out[part];
  else out[part] = next;
  if (part !== 'detail' && next !== value[part]) {
    for (const lower of LEVELS.slice(LEVELS.indexOf(part) + 1)) delete out[lower];
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The children of the division with `code` among `list`. */
function childrenOf(list: readonly Division[] | undefined, code: string | undefined): readonly Division[] {
  if (list === undefined || code === undefined) return [];
  return list.find((d) => d.code === code)?.children ?? [];
}

/**
 * The 省 / 市 / 县（市、区） picker (`kind: 'address'` and `'region'`): three
 * cascading selects fed by the form's division tree, plus a 详细地址 line for
 * `address`. Each control has its own visible label, so its accessible name is
 * that label; the fieldset's legend is the field's title. Without a division
 * tree (a form built without one) the levels are six-digit code inputs.
 *
 * @param ctx - the field context.
 */
export function renderAddress(ctx: FieldContext): TemplateResult {
  const { field, lang } = ctx;
  const value = addressValue(ctx.value);
  const withDetail = field.kind === 'address';
  const invalid = ctx.error === undefined ? nothing : 'true';
  const described = describedBy(ctx);
  const tree = ctx.divisions?.provinces;
  const idOf = (part: Level | 'detail'): string => (part === 'province' ? ctx.id : `${ctx.id}-${part}`);
  const set = (part: Level | 'detail', next: string | undefined): void => ctx.onValue(withPart(value, part, next));
  const codeHintId = `${ctx.id}-codes`;

  const lists: Record<Level, readonly Division[]> = {
    province: tree ?? [],
    city: childrenOf(tree, value.province),
    county: childrenOf(childrenOf(tree, value.province), value.city),
  };

  const level = (part: Level): TemplateResult | typeof nothing => {
    const id = idOf(part);
    const label = html`<label part="label" class="address-label" for=${id}>${ADDRESS_LABELS[part][lang]}</label>`;
    if (tree === undefined) {
      return html`<div class="address-part">
        ${label}
        <input
          part="control"
          class="input input--code"
          type="text"
          id=${id}
          inputmode="numeric"
          maxlength="6"
          autocomplete="off"
          spellcheck="false"
          .value=${live(value[part] ?? '')}
          ?readonly=${ctx.readonly}
          aria-required=${field.required ? 'true' : nothing}
          aria-invalid=${invalid}
          aria-describedby=${[codeHintId, described].filter(Boolean).join(' ')}
          @input=${(e: Event) => set(part, textOrUndefined(inputValue(e).trim()))}
          @blur=${ctx.onLeave}
        />
      </div>`;
    }
    const list = lists[part];
    // A city without counties (e.g. 东莞市) or a level whose parent is not chosen yet.
    const disabled = ctx.readonly || list.length === 0;
    const selected = value[part] ?? '';
    return html`<div class="address-part">
      ${label}
      <select
        part="control"
        class="select"
        id=${id}
        ?disabled=${disabled}
        aria-required=${field.required ? 'true' : nothing}
        aria-invalid=${invalid}
        aria-describedby=${described ?? nothing}
        @change=${(e: Event) => {
          set(part, textOrUndefined(inputValue(e)));
          ctx.onLeave();
        }}
      >
        <option value="" .selected=${live(selected === '')}>${uiText('choose', lang)}</option>
        ${list.map((d) => html`<option value=${d.code} .selected=${live(selected === d.code)}>${d.name}</option>`)}
      </select>
    </div>`;
  };

  const detailId = idOf('detail');
  return html`<div part="field" class="field ${ctx.error === undefined ? '' : 'field--error'}" data-path=${field.path}>
    <fieldset class="group address" role="group" aria-describedby=${described ?? nothing}>
      <legend part="label">${field.title[lang]}${requiredMarker(ctx)}</legend>
      ${fieldMessages(ctx)}
      ${tree === undefined ? html`<p part="hint" class="hint" id=${codeHintId}>${ADDRESS_LABELS.codeHint[lang]}</p>` : nothing}
      <div class="address-levels">${LEVELS.map(level)}</div>
      ${withDetail
        ? html`<div class="address-part address-part--detail">
            <label part="label" class="address-label" for=${detailId}>${ADDRESS_LABELS.detail[lang]}</label>
            <input
              part="control"
              class="input"
              type="text"
              id=${detailId}
              maxlength=${field.maxLength ?? 120}
              autocomplete="off"
              .value=${live(value.detail ?? '')}
              ?readonly=${ctx.readonly}
              aria-required=${field.required ? 'true' : nothing}
              aria-invalid=${invalid}
              aria-describedby=${described ?? nothing}
              @input=${(e: Event) => set('detail', textOrUndefined(inputValue(e)))}
              @blur=${ctx.onLeave}
            />
          </div>`
        : nothing}
    </fieldset>
  </div>`;
}

/** The IDs of the picker's controls, for focus and tests. */
export function addressControlIds(id: string): Record<Level | 'detail' | 'hint', string> {
  return { province: id, city: `${id}-city`, county: `${id}-county`, detail: `${id}-detail`, hint: fieldIds(id).hint };
}
