/** Types for json-source-map 0.6 (the package ships none). */
declare module 'json-source-map' {
  export interface Location { line: number; column: number; pos: number }
  export interface Mapping { value: Location; valueEnd: Location; key?: Location; keyEnd?: Location }
  export function parse(source: string): { data: unknown; pointers: Record<string, Mapping> };
}
