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
  // Printable ASCII and the CJK ideographs first: nearly every character of a submission.
  if ((code >= 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff)) return undefined;
  if (code === 0x09 || code === 0x0a || code === 0x0d) return undefined;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return 'control';
  if (code === 0x061c || code === 0x200e || code === 0x200f) return 'bidi';
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return 'bidi';
  if ((code >= 0x200b && code <= 0x200d) || (code >= 0x2060 && code <= 0x2064) || code === 0xfeff) return 'zero-width';
  return undefined;
}

/**
 * Whether a UTF-16 code unit is one of the characters that are NFC alone,
 * have combining class 0 and are never the second character of a canonical
 * composition (tests/submission/text.test.ts checks every code point of these
 * ranges against the platform's Unicode data): a string of only these is NFC,
 * so `normalize` (~0.3–0.5 µs a call) need not run. Basic Latin to Spacing
 * Modifiers, general punctuation U+2010–2027, CJK punctuation U+3000–3029,
 * CJK ideographs (and extension A), fullwidth ASCII.
 *
 * @param code - a UTF-16 code unit.
 * @returns true when the character never needs `normalize`.
 */
export function isNfcStarter(code: number): boolean {
  return (
    code < 0x300 ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3000 && code <= 0x3029) ||
    (code >= 0xff01 && code <= 0xff5e) ||
    (code >= 0x2010 && code <= 0x2027)
  );
}

/**
 * Text made only of tab, line feed, carriage return and characters that
 * {@link classify} accepts and {@link isNfcStarter} vouches for: no problem.
 * One native regular-expression scan decides nearly every string.
 */
const PLAIN = /^[\t\n\r\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u3000-\u3029\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff5e]*$/;

/**
 * The first problem of one string, if any.
 *
 * @param text - any string.
 * @returns the kind of problem, or undefined for acceptable text.
 */
export function textProblemOf(text: string): TextProblemKind | undefined {
  if (PLAIN.test(text)) return undefined;
  let surelyNfc = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const kind = classify(code);
    if (kind !== undefined) return kind;
    if (surelyNfc && !isNfcStarter(code)) surelyNfc = false;
  }
  return surelyNfc || text.normalize('NFC') === text ? undefined : 'not-nfc';
}

/**
 * Walks every string (value or key) of a JSON value in document order and
 * reports each problem until `report` answers true. The pointer is built only
 * for a problem, from the stack of segments.
 */
function walkText(value: unknown, report: (problem: TextProblem) => boolean): void {
  const segments: string[] = [];
  const pointer = (): string => segments.map((s) => `/${escapePointer(s)}`).join('');
  const walk = (node: unknown): boolean => {
    if (typeof node === 'string') {
      const kind = textProblemOf(node);
      return kind !== undefined && report({ pointer: pointer(), kind });
    }
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i += 1) {
        segments.push(String(i));
        const stop = walk(node[i]);
        segments.pop();
        if (stop) return true;
      }
      return false;
    }
    const record = node as Readonly<Record<string, unknown>>;
    for (const key of Object.keys(record)) {
      segments.push(key);
      const kind = textProblemOf(key);
      const stop = (kind !== undefined && report({ pointer: pointer(), kind })) || walk(record[key]);
      segments.pop();
      if (stop) return true;
    }
    return false;
  };
  walk(value);
}

/** Whether any string (value or key) of a JSON value has a problem; no pointers, no allocation but `Object.keys`. */
function hasTextProblem(node: unknown): boolean {
  if (typeof node === 'string') return textProblemOf(node) !== undefined;
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i += 1) if (hasTextProblem(node[i])) return true;
    return false;
  }
  const record = node as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(record)) {
    if (textProblemOf(key) !== undefined || hasTextProblem(record[key])) return true;
  }
  return false;
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
  walkText(value, (problem) => {
    problems.push(problem);
    return false;
  });
  return problems;
}

/**
 * The first problem {@link findTextProblems} would report, found without
 * looking further: what a verifier needs to refuse a payload.
 *
 * @param value - a JSON value.
 * @returns the first problem in document order, or undefined.
 * @example
 * firstTextProblem({ a: 'ok', b: 'e\u0301' }); // { pointer: '/b', kind: 'not-nfc' }
 */
export function firstTextProblem(value: unknown): TextProblem | undefined {
  // Nearly every payload has no problem: answer that without building any path.
  if (!hasTextProblem(value)) return undefined;
  let first: TextProblem | undefined;
  walkText(value, (problem) => {
    first = problem;
    return true;
  });
  return first;
}
