/** URL schemes the widget ever renders in an `href` (SECURITY.md §2 "XSS"). */
const ALLOWED = new Set(['https:', 'tel:', 'mailto:']);

/**
 * `url` when its scheme is `https:`, `tel:` or `mailto:`, otherwise `undefined`
 * (so a `javascript:` or `data:` URL from a schema never becomes a link).
 *
 * @param url - a URL from the form's metadata.
 * @example
 * safeUrl('tel:0631-5198106'); // 'tel:0631-5198106'
 * safeUrl('javascript:alert(1)'); // undefined
 */
export function safeUrl(url: string): string | undefined {
  try {
    return ALLOWED.has(new URL(url).protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** A phone text split around its dialable number: `（区号）12345` → `（区号）`, `12345`, ``. */
export interface PhoneParts {
  readonly before: string;
  readonly number: string | undefined;
  readonly after: string;
  /** `tel:` URL of `number`: digits, `+` and `-` only. */
  readonly href: string | undefined;
}

/**
 * Finds the dialable number in a consultation phone text, for a `tel:` link.
 *
 * @param text - e.g. `0631-5198106` or `（区号）12345`.
 */
export function phoneParts(text: string): PhoneParts {
  const m = /\+?\d[\d -]{1,18}\d/.exec(text);
  if (m === null) return { before: text, number: undefined, after: '', href: undefined };
  const number = m[0];
  return {
    before: text.slice(0, m.index),
    number,
    after: text.slice(m.index + number.length),
    href: safeUrl(`tel:${number.replace(/[^\d+-]/g, '')}`),
  };
}
