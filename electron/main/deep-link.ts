import { trackingNumberSchema } from '../../shared/desktop/desktop-notification.ts';

export const DEEP_LINK_SCHEME = 'lapor';

/**
 * The tracking number a `lapor://` link points to, or null when the link is not one the
 * workstation opens. The only form is `lapor://pengaduan/<tracking number>` (an optional
 * trailing slash, any letter case); anything else — other hosts, credentials, ports, queries,
 * extra path segments, odd characters — is refused, as links come from outside the app.
 */
export function parseDeepLink(raw: string): string | null {
  if (raw.length > 200) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== `${DEEP_LINK_SCHEME}:`) return null;
  if (url.hostname.toLowerCase() !== 'pengaduan') return null;
  if (url.username || url.password || url.port || url.search || url.hash) return null;
  const segments = url.pathname.replace(/\/$/, '').split('/');
  if (segments.length !== 2 || segments[0] !== '') return null;
  let candidate: string;
  try {
    candidate = decodeURIComponent(segments[1] ?? '').toUpperCase();
  } catch {
    return null; // malformed percent-encoding
  }
  return trackingNumberSchema.safeParse(candidate).success ? candidate : null;
}

/**
 * The deep link among a process's command-line arguments (Windows and Linux start the app, or
 * hand the second instance's argv to the first, with the link as an argument).
 */
export function deepLinkInArgv(argv: readonly string[]): string | null {
  for (const argument of argv) {
    if (!argument.toLowerCase().startsWith(`${DEEP_LINK_SCHEME}:`)) continue;
    const trackingNumber = parseDeepLink(argument);
    if (trackingNumber) return trackingNumber;
  }
  return null;
}

/**
 * Holds a link that arrived before the page could take it (the app was started by the link),
 * and hands links straight to the page once it listens.
 */
export function createDeepLinkInbox(send: (trackingNumber: string) => void) {
  let pending: string | null = null;
  let listening = false;
  return {
    receive(trackingNumber: string) {
      if (listening) send(trackingNumber);
      else pending = trackingNumber;
    },
    /** The page listens now; returns the link that was waiting, if any. */
    pageListening(): string | null {
      listening = true;
      const waiting = pending;
      pending = null;
      return waiting;
    },
    /** The page went away (reload, crash): links wait again until it listens. */
    pageGone() {
      listening = false;
    },
  };
}
