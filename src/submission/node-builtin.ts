/**
 * Node's built-in modules, found at run time: the verifier uses node:crypto
 * and node:buffer when the host is Node (≥ 20.16, `process.getBuiltinModule`)
 * and Web APIs everywhere else. There is no import statement, so a browser
 * bundle neither contains nor tries to resolve a Node module.
 */

/** The built-in modules the verifier may use. */
export interface NodeBuiltins {
  readonly 'node:crypto': ReturnType<typeof process.getBuiltinModule<'node:crypto'>>;
  readonly 'node:buffer': ReturnType<typeof process.getBuiltinModule<'node:buffer'>>;
}

/**
 * A Node built-in module, or undefined when the host is not Node (or too old).
 *
 * @param id - `node:crypto` or `node:buffer`.
 * @returns the module, or undefined.
 * @example
 * const crypto = nodeBuiltin('node:crypto'); // undefined in a browser
 */
export function nodeBuiltin<K extends keyof NodeBuiltins>(id: K): NodeBuiltins[K] | undefined {
  if (typeof process === 'undefined' || typeof process?.getBuiltinModule !== 'function') return undefined;
  try {
    return (process.getBuiltinModule(id) as NodeBuiltins[K] | undefined) ?? undefined;
  } catch {
    return undefined;
  }
}
