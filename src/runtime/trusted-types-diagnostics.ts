/**
 * Says why the widget did not start when a page's Trusted Types policy does
 * not allow Lit's `lit-html` policy (SECURITY.md §3 case 11: "fails closed,
 * says why"). Imported before Lit, so that the listener exists when Lit's
 * `trustedTypes.createPolicy('lit-html')` is refused and the module stops:
 * nothing renders (closed), and the console names the fix. Stable code:
 * `E_TRUSTED_TYPES_POLICY`.
 */

/** Stable code of the message printed when `lit-html` is not an allowed policy name. */
export const E_TRUSTED_TYPES_POLICY = 'E_TRUSTED_TYPES_POLICY';

function onViolation(event: SecurityPolicyViolationEvent): void {
  if (!event.violatedDirective.startsWith('trusted-types') || !event.sample.startsWith('lit-html')) return;
  stopTrustedTypesDiagnostics();
  console.error(
    `[yibiao] ${E_TRUSTED_TYPES_POLICY}: this page's Content-Security-Policy does not allow the Trusted Types policy "lit-html", so the form was not started. ` +
      `Add it: "trusted-types lit-html 'allow-duplicates'".`,
  );
}

if (typeof document !== 'undefined') document.addEventListener('securitypolicyviolation', onViolation);

/** The widget started (Lit loaded): the page's later violations are not ours to explain. */
export function stopTrustedTypesDiagnostics(): void {
  if (typeof document !== 'undefined') document.removeEventListener('securitypolicyviolation', onViolation);
}
