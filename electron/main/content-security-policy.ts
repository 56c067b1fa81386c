import { pageOriginOf } from './navigation-policy.ts';

export type ContentSecurityPolicyOptions = {
  /**
   * Set only while developing against the Vite dev server, whose React Refresh preamble is an
   * inline script, whose CSS arrives as injected `<style>` elements and whose hot reload talks
   * over a WebSocket. The packaged app never gets these allowances.
   */
  devServerOrigin?: string;
};

/**
 * The desktop renderer's CSP: code only from the app itself, network only to the app and the
 * central server (its REST calls and its Server-Sent Events stream share one origin), no
 * plugins, no framing, no inline script.
 */
export function buildContentSecurityPolicy(
  serverOrigin: string,
  options: ContentSecurityPolicyOptions = {},
): string {
  const dev = options.devServerOrigin;
  const devSocket = dev ? dev.replace(/^http/, 'ws') : undefined;
  const sources = (...list: (string | undefined | false)[]) => list.filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    `script-src ${sources("'self'", dev && "'unsafe-inline'")}`,
    `style-src ${sources("'self'", dev && "'unsafe-inline'")}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src ${sources("'self'", serverOrigin, devSocket)}`,
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export type ResponseHeaders = Record<string, string | string[]>;

/**
 * The response headers of a page the workstation loaded, with our policy in place of any CSP
 * the response carried. Responses from other origins (the central server's API) are returned
 * unchanged.
 */
export function withContentSecurityPolicy(
  response: { url: string; responseHeaders?: ResponseHeaders | undefined },
  pageOrigins: readonly string[],
  policy: string,
): ResponseHeaders | undefined {
  const origin = pageOriginOf(response.url);
  if (origin === null || !pageOrigins.includes(origin)) return response.responseHeaders;
  const headers = Object.fromEntries(
    Object.entries(response.responseHeaders ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-security-policy',
    ),
  );
  return { ...headers, 'Content-Security-Policy': [policy] };
}
