/**
 * The site's Content-Security-Policy, the one place it is spelt. Pages carry it as a `<meta>`
 * (minus what a meta policy ignores), `scripts/serve.ts` sends it as a header and the nginx
 * example repeats it (a test holds the example to this string).
 */

/**
 * The policy every response is served with. Scripts come from the site only, and nothing may
 * compile WebAssembly or evaluate strings: the search reads its index in plain JavaScript.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
  "frame-ancestors 'none'";

/**
 * The policy minus the directives a `<meta>` policy ignores (`frame-ancestors`, `report-uri`,
 * `sandbox`), so hosts that cannot set headers still get the same protection.
 */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter(
      (directive) => directive !== '' && !/^(frame-ancestors|report-uri|sandbox)\b/.test(directive),
    )
    .join('; ');
}
