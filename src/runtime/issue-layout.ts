/**
 * Where validation issues are shown: which field each belongs to, in which
 * order they are listed, and which control an error-summary link focuses.
 */
import type { FormModel, Lang } from '../ir/types.js';
import type { ErrorSummaryEntry } from './error-summary.js';
import { idForPath } from './fields/field-context.js';
import { applicableSections, type FormData, isFieldVisible, tickedServices } from './form-state.js';
import { materialControlId } from './materials.js';
import { fieldIndex } from './model-index.js';
import type { ValidationIssue } from './validation-types.js';

/** The rendered fields, in the order a person meets them. */
export function visibleFieldPaths(model: FormModel, data: FormData): string[] {
  const paths: string[] = [];
  for (const section of applicableSections(model, data)) {
    for (const field of section.fields) if (isFieldVisible(field, data)) paths.push(field.path);
  }
  return paths;
}

/** The fields on screen: their paths in form order, and each path's place in that order. */
export interface FieldLayout {
  readonly paths: readonly string[];
  readonly position: ReadonlyMap<string, number>;
}

/** The last layout of each model, with the key it was made for. */
const layouts = new WeakMap<FormModel, { readonly key: string; readonly layout: FieldLayout }>();

/** What decides which fields are on screen: the ticked services and each conditional field's condition. */
function layoutKey(model: FormModel, data: FormData): string {
  let bits = '';
  for (const field of fieldIndex(model).conditional) bits += isFieldVisible(field, data) ? '1' : '0';
  return `${tickedServices(model, data).join(',')}|${bits}`;
}

/**
 * {@link visibleFieldPaths} with positions, recomputed only when a service is
 * ticked or a field's condition changes, not on every key: a key in a form of
 * 1,000 fields would otherwise walk the whole model twice (docs/benchmarks.md, §2).
 *
 * @param model - the form.
 * @param data - the form data.
 */
export function fieldLayout(model: FormModel, data: FormData): FieldLayout {
  const key = layoutKey(model, data);
  const cached = layouts.get(model);
  if (cached?.key === key) return cached.layout;
  const paths = visibleFieldPaths(model, data);
  const layout: FieldLayout = { paths, position: new Map(paths.map((path, i) => [path, i])) };
  layouts.set(model, { key, layout });
  return layout;
}

/**
 * The path an issue is shown at: its own field when that field is on screen,
 * otherwise the services group (`model.servicesPath`), which collects
 * form-level and section-level problems (`required:section`, `E_EXCLUSIVE`…).
 *
 * @param model - the form.
 * @param visible - paths of the fields on screen (anything with `has`, such as a set).
 * @param issue - the issue.
 */
export function displayPath(model: FormModel, visible: Pick<ReadonlySet<string>, 'has'>, issue: ValidationIssue): string {
  // A part of a composite field (`/x/address/county`) is shown at the field.
  if (visible.has(issue.path)) return issue.path;
  for (let path = issue.path; path.startsWith('/'); path = path.slice(0, path.lastIndexOf('/'))) {
    if (visible.has(path)) return path;
  }
  return model.servicesPath;
}

/**
 * Issues grouped by where they are shown, each group in the validator's order,
 * and the groups in form order (services first, then fields as rendered).
 *
 * @param model - the form.
 * @param data - the form data (decides what is on screen).
 * @param issues - errors or warnings.
 * @param extra - places after the fields (the materials' `#material/<id>`), in order.
 * @returns display path → issues, iterating in form order.
 */
export function issuesByPlace(
  model: FormModel,
  data: FormData,
  issues: readonly ValidationIssue[],
  extra: readonly string[] = [],
): Map<string, ValidationIssue[]> {
  const { position } = fieldLayout(model, data);
  const extraAt = new Map(extra.map((path, i) => [path, position.size + i]));
  const rank = (path: string): number => (path === model.servicesPath ? -1 : (position.get(path) ?? extraAt.get(path) ?? -1));
  const visible = { has: (path: string) => position.has(path) || extraAt.has(path) };
  const grouped = new Map<string, ValidationIssue[]>();
  for (const issue of issues) {
    const place = displayPath(model, visible, issue);
    const list = grouped.get(place);
    if (list === undefined) grouped.set(place, [issue]);
    else list.push(issue);
  }
  return new Map([...grouped].sort((a, b) => rank(a[0]) - rank(b[0])));
}

/** The first error and warning shown at a field, in one language. */
export interface FieldMessages {
  readonly error: string | undefined;
  readonly warning: string | undefined;
}

/** Input of {@link shownMessages}. */
export interface ShownMessagesOptions {
  /** Errors by display path, from {@link issuesByPlace}. */
  readonly errors: ReadonlyMap<string, readonly ValidationIssue[]>;
  /** Warnings by display path. */
  readonly warnings: ReadonlyMap<string, readonly ValidationIssue[]>;
  /** Whether the problems of a path are shown (a field left, or a submit attempted). */
  readonly shown: (path: string) => boolean;
  readonly lang: Lang;
  /** Codes shown elsewhere (the services' conflicts), never under a field. */
  readonly skip: ReadonlySet<string>;
}

/** What {@link shownMessages} returns. */
export interface ShownMessages {
  /** Field path → its first shown error and warning; fields without any are absent. */
  readonly at: ReadonlyMap<string, FieldMessages>;
  /** Section key → a string that changes whenever a message shown in the section changes. */
  readonly bySection: ReadonlyMap<string, string>;
}

/**
 * The inline messages on screen. Only the shown issues' messages are read
 * (formatted), so a form with hundreds of problems nobody has reached yet
 * formats none of them.
 *
 * @param options - issues by place, which places are shown, the language.
 */
export function shownMessages(options: ShownMessagesOptions): ShownMessages {
  const at = new Map<string, { error: string | undefined; warning: string | undefined }>();
  const take = (map: ReadonlyMap<string, readonly ValidationIssue[]>, kind: 'error' | 'warning'): void => {
    for (const [path, list] of map) {
      if (!path.startsWith('/') || !options.shown(path)) continue;
      const issue = list.find((i) => !options.skip.has(i.code));
      if (issue === undefined) continue;
      const entry = at.get(path) ?? { error: undefined, warning: undefined };
      entry[kind] = issue.message[options.lang];
      at.set(path, entry);
    }
  };
  take(options.errors, 'error');
  take(options.warnings, 'warning');
  const bySection = new Map<string, string>();
  for (const [path, { error, warning }] of at) {
    const cut = path.indexOf('/', 1);
    const section = cut < 0 ? path.slice(1) : path.slice(1, cut);
    bySection.set(section, `${bySection.get(section) ?? ''}${path}\u0001${error ?? ''}\u0001${warning ?? ''}\u0002`);
  }
  return { at, bySection };
}

/**
 * The error summary's lines: for each field its first error (as shown inline),
 * for the services group every error (they are about different things), in form order.
 *
 * @param model - the form.
 * @param errors - errors by display path, from {@link issuesByPlace}.
 * @param lang - the language of the messages.
 */
export function summaryEntries(
  model: FormModel,
  errors: ReadonlyMap<string, readonly ValidationIssue[]>,
  lang: Lang,
): ErrorSummaryEntry[] {
  const entries: ErrorSummaryEntry[] = [];
  for (const [path, list] of errors) {
    for (const issue of path === model.servicesPath ? list : list.slice(0, 1)) {
      entries.push({ target: placeTarget(path), message: issue.message[lang] });
    }
  }
  return entries;
}

/**
 * The ID of the control a place's error-summary link focuses: a field's
 * first control, or a material's file input.
 *
 * @param path - a field path or `#material/<id>`.
 */
export function placeTarget(path: string): string {
  return path.startsWith('#material/') ? materialControlId(path.slice('#material/'.length)) : idForPath(path);
}
