/** Origins the window may show: the packaged app, and the dev server while developing. */
export function isAllowedNavigation(target: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return false;
  }
  // Node's URL gives custom schemes such as app:// the origin "null"; compare scheme and host.
  if (!url.host) return false;
  return allowedOrigins.includes(`${url.protocol}//${url.host}`);
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
