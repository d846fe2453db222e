/** Where a JSON pointer's value sits in a JSON text (offsets, end exclusive). */
export interface PointerRange {
  /** The value's first and past-last character. */
  readonly from: number;
  readonly to: number;
  /** The member's key, quotes included, when the value is an object member. */
  readonly key?: { readonly from: number; readonly to: number };
}

/** Thrown inside the scanner on text that is not JSON; never escapes {@link locatePointer}. */
class NotJson extends Error {}

/** Decodes one RFC 6901 segment. */
function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * Finds the range of the value a JSON pointer (RFC 6901) names in a JSON
 * text, with the range of its key when it is an object member. A small
 * scanner rather than `JSON.parse`: it keeps offsets, and it only descends
 * along the pointer, skipping every other value.
 *
 * @param text - a JSON document.
 * @param pointer - `''` for the whole document, else `/a/0/b`.
 * @returns the range, or `undefined` when the text is not JSON or the pointer names nothing.
 * @example
 * locatePointer('{"a": [1, {"b": true}]}', '/a/1/b'); // { from: 16, to: 20, key: { from: 11, to: 14 } }
 */
export function locatePointer(text: string, pointer: string): PointerRange | undefined {
  if (pointer !== '' && !pointer.startsWith('/')) return undefined;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapeSegment);
  let pos = 0;

  const ws = () => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };
  const expect = (char: string) => {
    if (text.charAt(pos) !== char) throw new NotJson(`expected ${char} at ${pos}`);
    pos++;
  };
  const readString = (): string => {
    const start = pos;
    expect('"');
    while (pos < text.length) {
      const char = text.charAt(pos);
      if (char === '\\') pos += 2;
      else if (char === '"') {
        pos++;
        return JSON.parse(text.slice(start, pos)) as string;
      } else pos++;
    }
    throw new NotJson('unterminated string');
  };
  const skipValue = (): void => {
    ws();
    const char = text.charAt(pos);
    if (char === '"') {
      readString();
    } else if (char === '{' || char === '[') {
      const close = char === '{' ? '}' : ']';
      pos++;
      ws();
      if (text.charAt(pos) === close) {
        pos++;
        return;
      }
      for (;;) {
        if (close === '}') {
          ws();
          readString();
          ws();
          expect(':');
        }
        skipValue();
        ws();
        if (text.charAt(pos) === ',') pos++;
        else {
          expect(close);
          return;
        }
      }
    } else {
      const match = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(pos, pos + 64));
      if (!match) throw new NotJson(`unexpected ${char} at ${pos}`);
      pos += match[0].length;
    }
  };
  /** Moves `pos` to the start of the child named `segment` of the value at `pos`; returns its key range. */
  const enter = (segment: string): { from: number; to: number } | undefined | null => {
    ws();
    const char = text.charAt(pos);
    if (char === '{') {
      pos++;
      ws();
      if (text.charAt(pos) === '}') return null;
      for (;;) {
        ws();
        const keyFrom = pos;
        const key = readString();
        const keyTo = pos;
        ws();
        expect(':');
        ws();
        if (key === segment) return { from: keyFrom, to: keyTo };
        skipValue();
        ws();
        if (text.charAt(pos) !== ',') return null;
        pos++;
      }
    }
    if (char === '[') {
      if (!/^(0|[1-9]\d*)$/.test(segment)) return null;
      const index = Number(segment);
      pos++;
      ws();
      if (text.charAt(pos) === ']') return null;
      for (let i = 0; ; i++) {
        ws();
        if (i === index) return undefined;
        skipValue();
        ws();
        if (text.charAt(pos) !== ',') return null;
        pos++;
      }
    }
    return null;
  };

  try {
    let key: { from: number; to: number } | undefined;
    for (const segment of segments) {
      const found = enter(segment);
      if (found === null) return undefined;
      key = found;
    }
    ws();
    const from = pos;
    skipValue();
    return key === undefined ? { from, to: pos } : { from, to: pos, key };
  } catch (error) {
    if (error instanceof NotJson || error instanceof SyntaxError) return undefined;
    throw error;
  }
}
