// Headers on every response: a Content-Security-Policy that allows no inline script, and no framing or sniffing.

/**
 * Scripts only from our own files. Styles allow inline attributes because ECharts positions its tooltips with
 * style attributes; no data is ever written as HTML, so this opens no script path.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/**
 * bull-board's page sets <base href="/admin/queues/"> so that its relative asset paths work at /admin/queues (no
 * trailing slash); base-uri 'none' blocked it and the page stayed on "Loading". 'self' still refuses a foreign base.
 */
export const ADMIN_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("base-uri 'none'", "base-uri 'self'");

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` with our own forms' POSTs, which
  // the origin guard must refuse; other sites still get no referrer.
  'referrer-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};
