/**
 * One policy for both shells: only the app's own scripts and styles, no
 * remote anything (plant networks are offline, and a compromised page must
 * not be able to pull code in or send data out).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
