/**
 * What is wrong with a submitted text (SECURITY.md §2 "Unicode"):
 * - `not-nfc`: the same visible text has several code point sequences; NFC is the one signed.
 * - `control`: C0/C1 control characters other than tab, line feed and carriage return.
 * - `bidi`: directional marks and overrides (U+202E can make 123 look like 321).
 * - `zero-width`: invisible characters (U+200B, U+2060, U+FEFF …) that make two
 *   equal-looking names compare different.
 */
export type TextProblemKind = 'not-nfc' | 'control' | 'bidi' | 'zero-width';

/** One problem in one string of a submission. */
export interface TextProblem {
  /** JSON pointer of the string (or of the member, when the key is the problem). */
  readonly pointer: string;
  readonly kind: TextProblemKind;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Classifies one UTF-16 code unit; surrogates and ordinary text give undefined. */
function classify(code: number): TextProblemKind | undefined {
  if (code === 0x09 || code === 0x0a || code === 0x0d) return undefined;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control';
  if (code === 0x061c || code === 0x200e || code === 0x200f) return 'bidi';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  if ((code >= 0x200b && code <= 0x200d) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff) return 'zero-width';
  return undefined;
}

/**
 * The first problem of one string, if any.
 *
 * @param text - any string.
 * @returns the kind of problem, or undefined for acceptable text.
 */
export function textProblemOf(text: string): TextProblemKind | undefined {
  for (let i = 0; i < text.length; i += 1) {
    const kind = classify(text.charCodeAt(i));
    if (kind !== undefined) return kind;
  }
  return text.normalize('NFC') === text ? undefined : 'not-nfc';
}

/**
 * Finds every string (value or key) in a JSON value that is not NFC or holds
 * control, bidi or zero-width characters. The verifier refuses such a payload;
 * the widget can call this before signing to tell the applicant which field
 * to fix. Reports pointers only, never the text.
 *
 * @param value - a JSON value (e.g. a submission payload).
 * @returns all problems, in document order.
 * @example
 * findTextProblems({ name: '张\u200b三' }); // [{ pointer: '/name', kind: 'zero-width' }]
 */
export function findTextProblems(value: unknown): TextProblem[] {
  const problems: TextProblem[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (typeof node === 'string') {
      const kind = textProblemOf(node);
      if (kind !== undefined) problems.push({ pointer, kind });
    } else if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) walk(item, `${pointer}/${i}`);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPointer = `${pointer}/${escapePointer(key)}`;
        const kind = textProblemOf(key);
        if (kind !== undefined) problems.push({ pointer: childPointer, kind });
        walk(child, childPointer);
      }
    }
  };
  walk(value, '');
  return problems;
}
