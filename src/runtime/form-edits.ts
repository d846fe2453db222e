/**
 * The person's edits of a form: a value typed or picked, a field left, a
 * service ticked, a file attached or removed. Each writes the data, fills
 * what the ID number says (DOMAIN.md §1.1), validates at once where a
 * problem is on screen and when idle elsewhere, schedules the draft and
 * fires `yibiao-change`.
 */
import type { FieldModel } from '../ir/types.js';
import { YibiaoChangeEvent } from './events/yibiao-change-event.js';
import type { FormContext } from './form-context.js';
import { cloneJson, normalizeFieldValue, readPointer, tickedServices, writePointer } from './form-state.js';
import { idAssistFills } from './id-assist.js';
import { isShown } from './is-shown.js';
import { materialPath } from './materials.js';

/**
 * A value changed (nothing happens while the element is `readonly`).
 *
 * @param ctx - the form.
 * @param path - the field's data path.
 * @param value - the new value (`undefined` removes it).
 */
export function changeValue(ctx: FormContext, path: string, value: unknown): void {
  const { host } = ctx;
  if (host.readonly) return;
  ctx.data = writePointer(ctx.data, path, value);
  ctx.dirty = true;
  ctx.failed = false;
  // ID-number assistance: fill 性别 / 出生年月 from a valid number, only where empty.
  const fills = idAssistFills(ctx.form().model, ctx.data, path);
  for (const fill of fills) ctx.data = writePointer(ctx.data, fill.path, fill.value);
  // The edited field's message must be right on every key once it is shown; until then
  // (and for whatever else the change affects, such as cross-field rules) an idle pass will do.
  if (isShown(ctx, path) || fills.some((fill) => isShown(ctx, fill.path))) {
    ctx.validation.validate();
  } else {
    host.requestUpdate();
    ctx.validation.validateWhenIdle();
  }
  ctx.drafts.changed();
  host.dispatchEvent(new YibiaoChangeEvent({ path, value: cloneJson(value) }));
  for (const fill of fills) host.dispatchEvent(new YibiaoChangeEvent({ path: fill.path, value: fill.value }));
}

/**
 * A field was left: its problems are shown from now on, and its text is normalised.
 *
 * @param ctx - the form.
 * @param field - the field.
 */
export function leaveField(ctx: FormContext, field: FieldModel): void {
  if (ctx.host.readonly) return;
  ctx.touched.add(field.path);
  if (ctx.quiet) return;
  const value = readPointer(ctx.data, field.path);
  const normalized = normalizeFieldValue(field, value);
  if (field.kind !== 'number' && field.kind !== 'integer' && normalized !== value) changeValue(ctx, field.path, normalized);
  else ctx.validation.validate();
}

/**
 * A service was ticked or unticked.
 *
 * @param ctx - the form.
 * @param service - the service id.
 * @param on - whether it is ticked now.
 */
export function toggleService(ctx: FormContext, service: string, on: boolean): void {
  const { model } = ctx.form();
  const current = tickedServices(model, ctx.data);
  const next = model.services.map((s) => s.id).filter((id) => (id === service ? on : current.includes(id)));
  ctx.touched.add(model.servicesPath);
  changeValue(ctx, model.servicesPath, next);
}

/**
 * The files of an upload slot changed (the attachments controller's host callback).
 *
 * @param ctx - the form.
 * @param slot - a material id, or a `file` field's path.
 */
export function filesChanged(ctx: FormContext, slot: string): void {
  const held = ctx.attachments.files.get(slot) ?? [];
  if (slot.startsWith('/')) {
    // A `file` field: its value is the record of the file held, which the schema checks.
    ctx.touched.add(slot);
    const ref = held[0]?.ref;
    changeValue(ctx, slot, ref === undefined ? undefined : { name: ref.name, mediaType: ref.mediaType, size: ref.size, sha256: ref.sha256 });
    return;
  }
  ctx.touched.add(materialPath(slot));
  ctx.dirty = true;
  ctx.failed = false;
  ctx.validation.validate();
  ctx.drafts.changed();
  ctx.host.dispatchEvent(new YibiaoChangeEvent({ path: materialPath(slot), value: held.length }));
}
