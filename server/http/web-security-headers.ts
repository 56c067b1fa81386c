import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * CSP for everything the server sends, including the web build of the workstation
 * (`out/renderer`): its index.html loads one module script and one stylesheet from
 * `./assets/`, registers a service worker from this origin, and has no inline script or
 * style element, so no `'unsafe-inline'` is needed. React sets `style` through the DOM, which
 * `style-src` does not restrict. The workstation talks only to this origin (API and SSE).
 */
export const WEB_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/** Features the workstation never uses, switched off for its pages and anything they embed. */
const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
].join(', ');

/** HSTS max-age when the server is reached over HTTPS: 180 days. */
const HSTS_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

export type SecurityHeaderOptions = {
  /**
   * Clients reach the server over HTTPS (directly or through a TLS-terminating proxy): send
   * Strict-Transport-Security and upgrade-insecure-requests. Off for plain-HTTP deployments,
   * where both would lock browsers out of the server.
   */
  behindTls: boolean;
};

/**
 * Security headers on every response (API, errors, 404s and the served web build) through
 * @fastify/helmet, which sets them on the raw response in an early onRequest hook, so they are
 * also on Server-Sent Events streams and on answers produced before routing (429, 413).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: SecurityHeaderOptions,
): Promise<void> {
  const directives: Record<string, string[]> = {};
  for (const [name, sources] of Object.entries(WEB_CSP_DIRECTIVES)) directives[name] = [...sources];
  if (options.behindTls) directives['upgrade-insecure-requests'] = [];

  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: options.behindTls
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    // The desktop app (app://) reads the API with CORS, which this header does not govern;
    // no other site may embed the server's responses.
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // API answers carry tokens, identities and complaint data: never kept by a cache.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}
