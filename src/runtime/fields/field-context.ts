import type { FieldModel, Lang } from '../../ir/types.js';
import type { DivisionTree } from '../compiled-form.js';
import type { UploadContext } from './file.js';

/**
 * Everything a field's render function needs: the field, its current value,
 * the messages to show and the callbacks that report what the person did.
 * Render functions are pure templates over this; the element owns the state.
 */
export interface FieldContext {
  readonly field: FieldModel;
  readonly lang: Lang;
  /** ID of the field's (first) control; label `for`, error-summary links and focus use it. */
  readonly id: string;
  /** The value in memory (not pruned, not normalised). */
  readonly value: unknown;
  /** What the person typed into a number input, so re-rendering never rewrites it. */
  readonly raw: string | undefined;
  /** The first error to show inline, in `lang`, if any. */
  readonly error: string | undefined;
  /** The first warning to show inline, in `lang`, if any. */
  readonly warning: string | undefined;
  /** The `readonly` attribute of the element. */
  readonly readonly: boolean;
  /** The 省/市/县 tree, for address and region fields (absent: code inputs). */
  readonly divisions?: DivisionTree | undefined;
  /** For `file` fields: the upload slot's files and callbacks. */
  readonly upload?: UploadContext | undefined;
  /** A new value (`undefined` clears it); `raw` is the typed text of number inputs. */
  readonly onValue: (value: unknown, raw?: string) => void;
  /** The person left the control (normalise, then validate). */
  readonly onLeave: () => void;
}

/** Element IDs derived from a field's control ID. */
export interface FieldIds {
  readonly hint: string;
  readonly error: string;
  readonly warning: string;
}

/**
 * The IDs of a field's hint, error and warning, for `aria-describedby`.
 *
 * @param id - the field's control ID.
 */
export function fieldIds(id: string): FieldIds {
  return { hint: `${id}-hint`, error: `${id}-error`, warning: `${id}-warning` };
}

/**
 * The `aria-describedby` value of a field's control: hint, then error, then
 * warning, as GOV.UK Frontend orders them; `undefined` when there is none.
 *
 * @param ctx - the field context.
 */
export function describedBy(ctx: FieldContext): string | undefined {
  const ids = fieldIds(ctx.id);
  const list = [
    ctx.field.hint === undefined ? undefined : ids.hint,
    ctx.error === undefined ? undefined : ids.error,
    ctx.warning === undefined ? undefined : ids.warning,
  ].filter((x): x is string => x !== undefined);
  return list.length === 0 ? undefined : list.join(' ');
}

/**
 * A stable, valid element ID for a data path (`/applicant/name` → `yb-applicant-name`).
 * Characters other than ASCII letters and digits are spelled out so that two
 * different paths never share an ID.
 *
 * @param path - a JSON pointer.
 */
export function idForPath(path: string): string {
  const body = path
    .slice(1)
    .replace(/[^A-Za-z0-9/]/g, (c) => `_${(c.codePointAt(0) ?? 0).toString(16)}_`)
    .replace(/\//g, '-');
  return `yb-${body}`;
}

/** The text an input event carries. */
export function inputValue(event: Event): string {
  const target = event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  return target.value;
}

/** Text as stored: an empty control holds no value. */
export function textOrUndefined(text: string): string | undefined {
  return text === '' ? undefined : text;
}

/** The stored value shown in a text-like control. */
export function displayText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
