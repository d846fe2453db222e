/**
 * What the bench needs to know about one built form (real or synthetic): its
 * bundled schema, model and uiSchema, the text field it types into (with the
 * rule that decides when that field's error must show), the key sequence, the
 * service it ticks, and a valid submission for the verifier.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tagName } from '../../src/compile/component.js';
import type { FieldModel, FormModel } from '../../src/ir/types.js';
import { loadForm } from '../../src/schema/load.js';
import { prng } from '../generate/prng.js';
import { SEED } from '../lib/config.js';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});

/** The field typed into, and the rule its error follows. */
export interface TargetSpec {
  readonly section: string;
  readonly key: string;
  readonly title: string;
  readonly rule: { readonly kind: 'pattern'; readonly pattern: string } | { readonly kind: 'format'; readonly format: string };
  readonly maxLength: number | undefined;
  /** yibiao's issue code for a violation (`pattern`, `format:cn-phone`). */
  readonly code: string;
  /** Keys pressed in a keystroke session (warm-up keys first). */
  readonly keys: readonly string[];
  /** A character that, typed alone, makes the value valid-but-incomplete (an error must show). */
  readonly probeChar: string;
}

/** The service ticked by the toggle measure and a field of its section. */
export interface ToggleSpec {
  readonly service: string;
  readonly index: number;
  readonly section: string;
  readonly field: string;
}

export interface FormSpec {
  readonly id: string;
  readonly kind: 'real' | 'synthetic';
  readonly fields: number;
  readonly tag: string;
  readonly distForms: string;
  readonly widgetFile: string;
  readonly schema: Obj;
  readonly model: FormModel;
  readonly ui: Obj;
  readonly services: readonly string[];
  readonly toggle: ToggleSpec | undefined;
  readonly target: TargetSpec | undefined;
  readonly valid: { readonly data: unknown; readonly date: string } | undefined;
}

/** Formats the floor checks with its own regular expressions (enough for the target fields). */
export const FLOOR_FORMATS = ['cn-mobile', 'cn-phone'] as const;

/** The schema of a field of a root section or of a service section. */
export function fieldSchema(schema: Obj, section: string, key: string): Obj {
  const direct = obj(obj(schema.properties)[section]);
  const candidates = [direct, ...(Array.isArray(schema.allOf) ? schema.allOf : []).map((e) => obj(obj(obj(e).then).properties)[section])];
  for (const c of candidates) {
    const f = obj(obj(obj(c).properties)[key]);
    if (Object.keys(f).length > 0) return f;
  }
  return {};
}

function keySequence(seed: number, kind: 'pattern' | 'format', maxLength: number | undefined, warmup: number, total: number): string[] {
  const rng = prng(seed);
  const keys: string[] = [];
  let length = 0;
  // Warm-up: type up to just below the valid length.
  const prefix = kind === 'format' ? '1380013' : '1234';
  for (const ch of prefix.slice(0, Math.max(warmup, 1))) {
    keys.push(ch);
    length += 1;
  }
  while (keys.length < warmup) {
    keys.push('Backspace');
    length -= 1;
  }
  const lo = kind === 'format' ? 8 : 3;
  // Never past maxLength: yibiao and the floor set the input's maxlength, rjsf and JSON Forms do not.
  const hi = Math.max(lo + 2, Math.min(kind === 'format' ? 13 : 8, maxLength ?? 64));
  while (keys.length < total) {
    const r = rng.next();
    let key: string;
    if (length <= lo) key = String(rng.int(0, 9));
    else if (length >= hi) key = 'Backspace';
    else if (r < 0.5) key = String(rng.int(0, 9));
    else if (r < 0.85 || kind === 'format') key = 'Backspace';
    else key = 'x';
    keys.push(key);
    length += key === 'Backspace' ? -1 : 1;
  }
  return keys;
}

function findTarget(id: string, schema: Obj, model: FormModel, warmup: number, total: number): TargetSpec | undefined {
  const seed = SEED ^ [...id].reduce((h, c) => Math.imul(h, 31) + c.charCodeAt(0), 7);
  for (const section of model.sections.filter((s) => s.service === undefined)) {
    for (const field of section.fields.filter((f: FieldModel) => f.kind === 'text' && f.visibleWhen === undefined)) {
      const fs = fieldSchema(schema, section.key, field.key);
      const base = { section: section.key, key: field.key, title: field.title['zh-CN'], maxLength: field.maxLength };
      if (typeof fs.pattern === 'string' && fs.pattern === '^[0-9]{6}$') {
        return { ...base, rule: { kind: 'pattern', pattern: fs.pattern }, code: 'pattern', keys: keySequence(seed, 'pattern', field.maxLength, warmup, total), probeChar: '1' };
      }
      if (typeof fs.format === 'string' && (FLOOR_FORMATS as readonly string[]).includes(fs.format)) {
        return { ...base, rule: { kind: 'format', format: fs.format }, code: `format:${fs.format}`, keys: keySequence(seed, 'format', field.maxLength, warmup, total), probeChar: '1' };
      }
    }
  }
  return undefined;
}

function findToggle(model: FormModel): ToggleSpec | undefined {
  for (const [index, service] of model.services.entries()) {
    for (const key of service.sections) {
      const section = model.sections.find((s) => s.key === key);
      const field = section?.fields.find((f) => f.visibleWhen === undefined);
      if (section && field) return { service: service.id, index, section: key, field: field.key };
    }
  }
  return undefined;
}

async function firstValidExample(formsDir: string, id: string): Promise<{ data: unknown; date: string } | undefined> {
  const dir = path.join(formsDir, id, 'examples', 'valid');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  // Prefer the example with the most data (every service ticked).
  let best: { data: unknown; date: string; size: number } | undefined;
  for (const file of files) {
    const example = obj(JSON.parse(await readFile(path.join(dir, file), 'utf8')));
    const size = JSON.stringify(example.data).length;
    if (typeof example.date === 'string' && (!best || size > best.size)) best = { data: example.data, date: example.date, size };
  }
  return best && { data: best.data, date: best.date };
}

/** Input of {@link formSpec}. */
export interface FormSpecInput {
  readonly id: string;
  readonly kind: 'real' | 'synthetic';
  readonly root: string;
  readonly formsDir: string;
  readonly distForms: string;
  readonly widgetFile: string;
  readonly valid?: { readonly data: unknown; readonly date: string };
  readonly warmupKeys: number;
  readonly totalKeys: number;
}

/** Reads a built form and derives everything the measures need. */
export async function formSpec(input: FormSpecInput): Promise<FormSpec> {
  const { id } = input;
  const dir = path.join(input.distForms, id);
  const schema = obj(JSON.parse(await readFile(path.join(dir, 'schema.json'), 'utf8')));
  const model = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8')) as FormModel;
  const loaded = await loadForm(input.root, input.formsDir, id);
  const ui = loaded.ok ? obj(loaded.form.ui?.data) : {};
  const fields = model.sections.reduce((n, s) => n + s.fields.length, 0);
  return {
    id,
    kind: input.kind,
    fields,
    tag: tagName(id),
    distForms: input.distForms,
    widgetFile: input.widgetFile,
    schema,
    model,
    ui,
    services: model.services.map((s) => s.id),
    toggle: findToggle(model),
    target: findTarget(id, schema, model, input.warmupKeys, input.warmupKeys + input.totalKeys),
    valid: input.valid ?? (await firstValidExample(input.formsDir, id)),
  };
}
