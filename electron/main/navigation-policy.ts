/**
 * `scheme://host[:port]` of a URL, or null when it has none (file:, data:, javascript:, junk).
 * Node's URL gives custom schemes such as app:// the origin "null", so it is built by hand.
 */
export function pageOriginOf(target: string): string | null {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return null;
  }
  if (!url.host) return null;
  return `${url.protocol}//${url.host}`;
}

/**
 * Whether the window may show `target`, and whether a frame at `target` may use the bridge:
 * only pages of the packaged app, and of the dev server while developing.
 */
export function isAllowedNavigation(target: string, allowedOrigins: readonly string[]): boolean {
  const origin = pageOriginOf(target);
  return origin !== null && allowedOrigins.includes(origin);
}

/** A link the officer clicked that may open in the system browser: https only. */
export function externalLinkTarget(target: string): string | null {
  try {
    const url = new URL(target);
    if (url.protocol !== 'https:' || url.username || url.password) return null;
    return url.toString();
  } catch {
    return null;
  }
}
