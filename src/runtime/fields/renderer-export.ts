/**
 * The name `fields/renderers.ts` exports a kind's renderer under: the kind in
 * camelCase (`year-month` → `yearMonth`). A module of its own, without
 * imports, so that the compiler can name the exports without loading Lit.
 *
 * @param kind - a field kind.
 */
export function rendererExport(kind: string): string {
  return kind.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}
