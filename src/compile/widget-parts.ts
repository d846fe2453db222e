import type { Metafile } from 'esbuild';

/** How a file of a built widget is loaded. */
export type PartLoad = 'entry' | 'eager' | 'lazy';

/** One file of a built widget, relative to `widget/dist/`. */
export interface WidgetPart {
  /** Path relative to `widget/dist/`, with `/` separators: `shandong.js`, `shandong/submission-part-HASH.js`. */
  readonly file: string;
  /**
   * `entry`: the module a page loads; `eager`: imported statically by the
   * entry (or by another eager part), fetched before the element is defined;
   * `lazy`: imported with a dynamic `import()` on first need.
   */
  readonly load: PartLoad;
}

/**
 * Classifies the outputs of a code-split widget build: the entry, the files
 * reachable from it through static imports (eager), and everything else
 * (lazy: reachable only through a dynamic `import()`).
 *
 * @param metafile - esbuild's metafile of the build.
 * @param entry - the entry's output path as esbuild names it (relative to its working directory).
 * @param outdir - esbuild's output directory, as it appears in the output paths.
 * @returns the parts, the entry first, then eager and lazy ones in path order.
 */
export function widgetParts(metafile: Metafile, entry: string, outdir: string): WidgetPart[] {
  const outputs = metafile.outputs;
  const eager = new Set<string>();
  const visit = (file: string): void => {
    for (const imported of outputs[file]?.imports ?? []) {
      if (imported.kind !== 'import-statement' || imported.external || eager.has(imported.path)) continue;
      eager.add(imported.path);
      visit(imported.path);
    }
  };
  visit(entry);
  const prefix = `${outdir.replace(/\/$/, '')}/`;
  const relative = (file: string) => (file.startsWith(prefix) ? file.slice(prefix.length) : file);
  const js = Object.keys(outputs)
    .filter((file) => file.endsWith('.js') && file !== entry)
    .sort();
  return [
    { file: relative(entry), load: 'entry' },
    ...js.filter((f) => eager.has(f)).map((f) => ({ file: relative(f), load: 'eager' as const })),
    ...js.filter((f) => !eager.has(f)).map((f) => ({ file: relative(f), load: 'lazy' as const })),
  ];
}
