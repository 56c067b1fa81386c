/**
 * The desktop renderer's CSP: code only from the app itself, network only to the app and the
 * central server, no plugins, no framing, no inline script.
 */
export function buildContentSecurityPolicy(serverOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self' ${serverOrigin}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
