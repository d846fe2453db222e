/**
 * Hostile strings shared by the Node and browser security tests
 * (SECURITY.md §3 cases 1–4). Every payload that would run code sets
 * `window.__yibiaoXss`, so a test can tell "rendered as text" from "ran".
 * This module imports nothing, so it loads in Node and in Chromium alike.
 */

/** The global a payload sets when it runs. */
export const XSS_FLAG = '__yibiaoXss';

/** Markup payloads: the linter must refuse them in any form file. */
export const MARKUP_PAYLOADS: readonly string[] = [
  `<img src=x onerror="window.${XSS_FLAG}=1">`,
  `<svg onload="window.${XSS_FLAG}=1">`,
  `</script><script>window.${XSS_FLAG}=1</script>`,
  `"><iframe srcdoc="<script>parent.${XSS_FLAG}=1</script>">`,
];

/**
 * Template-injection payloads: plain text to the linter (they contain no
 * markup), so they reach the widget and must stay text there — in Lit, in a
 * framework a host might wrap us in, and in the generated module's source.
 */
export const TEMPLATE_PAYLOADS: readonly string[] = [
  `{{constructor.constructor('window.${XSS_FLAG}=1')()}}`,
  `\${window.${XSS_FLAG}=1}`,
  `a\u2028b\u2029\${x}\`c`,
  // Replacement patterns of String.prototype.replace, and a placeholder of our own message templates.
  "$&$'$`$1 {field} {limit}",
];

/** Every payload of SECURITY.md §3 case 1. */
export const XSS_PAYLOADS: readonly string[] = [...MARKUP_PAYLOADS, ...TEMPLATE_PAYLOADS];

/** A script URL (case 2). */
export const SCRIPT_URL = `javascript:window.${XSS_FLAG}=1`;

/** An object key that smuggles markup (case 2). */
export const MARKUP_KEY = 'x<iframe srcdoc>';

/** The keys that reach `Object.prototype` or a constructor when merged naively (case 5). */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];
