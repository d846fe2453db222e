/**
 * A loader of a lazily imported part of the widget (a chunk the build splits
 * off and the browser fetches on first need): the first call starts the
 * import, later calls share it. A failed import (offline, a blocked request)
 * is forgotten, so the next need tries again.
 *
 * @param load - the dynamic `import()` of the part.
 * @returns a function that resolves with the part's module.
 * @example
 * const loadSubmission = lazyPart(() => import('./submission-part.js'));
 */
export function lazyPart<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
