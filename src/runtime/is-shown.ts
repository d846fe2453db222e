/** Which problems a form shows: the fields left once, or all after a submission was attempted. */
export interface ShownState {
  /** Fields the person has left once. */
  readonly touched: ReadonlySet<string>;
  /** A submission (or `validate()`) was attempted. */
  readonly attempted: boolean;
}

/**
 * Whether the problems at a path are shown: once its field was left, or a
 * submission attempted (GOV.UK: no error before the person had a chance).
 *
 * @param state - what was left and attempted.
 * @param path - a field path, the services path or `#material/<id>`.
 */
export function isShown(state: ShownState, path: string): boolean {
  return state.attempted || state.touched.has(path);
}
