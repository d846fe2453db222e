/**
 * Emitting code safely. Generated modules are built only from this file's
 * pieces: a `JsCode` is either written here or a JSON literal escaped so that
 * no schema string can end a string, a comment or a `</script>` context.
 */
export class JsCode {
  readonly #text: string;
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

const UNSAFE = /[<>&\u2028\u2029]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * A JSON value as a JavaScript literal, with `<`, `>`, `&`, U+2028 and U+2029
 * escaped (SECURITY.md §3 case 3: a title `</script>${…}` round-trips).
 */
export function jsonLiteral(value: unknown): JsCode {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not JSON');
  return new JsCode(json.replace(UNSAFE, (c) => ESCAPES[c] ?? c));
}

/** A string literal (for module specifiers and tag names). */
export function stringLiteral(value: string): JsCode {
  return jsonLiteral(value);
}

/**
 * Tagged template for generated code: every interpolation must be a
 * {@link JsCode}; anything else is a programmer error.
 *
 * @example js`export const model = ${jsonLiteral(model)};`
 */
export function js(strings: TemplateStringsArray, ...values: readonly JsCode[]): string {
  return strings.reduce((out, chunk, i) => {
    if (i === 0) return chunk;
    const value = values[i - 1];
    if (!(value instanceof JsCode)) throw new TypeError('js`…` only interpolates JsCode (use jsonLiteral)');
    return `${out}${value.toString()}${chunk}`;
  }, '');
}

/** A JavaScript identifier, checked. */
export function identifier(name: string): JsCode {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new TypeError(`not an identifier: ${name}`);
  return new JsCode(name);
}
