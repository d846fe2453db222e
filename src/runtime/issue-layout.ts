/**
 * Where validation issues are shown: which field each belongs to, in which
 * order they are listed, and which control an error-summary link focuses.
 */
import type { FormModel, Lang } from '../ir/types.js';
import type { ErrorSummaryEntry } from './error-summary.js';
import { idForPath } from './fields/field-context.js';
import { applicableSections, type FormData, isFieldVisible } from './form-state.js';
import { materialControlId } from './materials.js';
import type { ValidationIssue } from './validation-types.js';

/** The rendered fields, in the order a person meets them. */
export function visibleFieldPaths(model: FormModel, data: FormData): string[] {
  const paths: string[] = [];
  for (const section of applicableSections(model, data)) {
    for (const field of section.fields) if (isFieldVisible(field, data)) paths.push(field.path);
  }
  return paths;
}

/**
 * The path an issue is shown at: its own field when that field is on screen,
 * otherwise the services group (`model.servicesPath`), which collects
 * form-level and section-level problems (`required:section`, `E_EXCLUSIVE`…).
 *
 * @param model - the form.
 * @param visible - paths of the fields on screen.
 * @param issue - the issue.
 */
export function displayPath(model: FormModel, visible: ReadonlySet<string>, issue: ValidationIssue): string {
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
  const order = [model.servicesPath, ...visibleFieldPaths(model, data), ...extra];
  const visible = new Set(order);
  const byPlace = new Map<string, ValidationIssue[]>(order.map((p) => [p, []]));
  for (const issue of issues) byPlace.get(displayPath(model, visible, issue))?.push(issue);
  for (const [path, list] of byPlace) if (list.length === 0) byPlace.delete(path);
  return byPlace;
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
