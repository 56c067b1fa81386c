/**
 * The first-run "Test connection": is there a Lapor central server at this address, and is
 * its database up? Asks `GET /readyz`, which answers `{ status: 'ready' }` only then.
 */

export type ServerCheck =
  | { ok: true; origin: string }
  | {
      ok: false;
      reason: 'invalid_url' | 'unreachable' | 'timeout' | 'not_ready' | 'not_lapor';
    };

export type ServerCheckFailure = Extract<ServerCheck, { ok: false }>['reason'];

/** What the check needs of fetch; the desktop app passes Electron's net.fetch. */
export type ReadinessFetch = (
  url: string,
  init: { signal: AbortSignal; redirect: 'error'; credentials: 'omit' },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export const SERVER_CHECK_TIMEOUT_MS = 8_000;

/**
 * The origin of a server address as an officer types it: http(s) only (https assumed when no
 * scheme is given), no credentials, nothing after the host but an optional slash. Null when
 * it is not such an address.
 */
export function serverOriginOf(raw: string): string | null {
  const text = raw.trim();
  if (text === '' || text.length > 300) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/') return null;
  return url.origin;
}

export async function checkServer(
  raw: string,
  fetchReadiness: ReadinessFetch,
  timeoutMs = SERVER_CHECK_TIMEOUT_MS,
): Promise<ServerCheck> {
  const origin = serverOriginOf(raw);
  if (!origin) return { ok: false, reason: 'invalid_url' };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetchReadiness(`${origin}/readyz`, {
      signal: controller.signal,
      redirect: 'error',
      credentials: 'omit',
    });
    const body = await response.json().catch(() => null);
    const status =
      body && typeof body === 'object' && 'status' in body
        ? (body as { status: unknown }).status
        : null;
    if (response.status === 200 && status === 'ready') return { ok: true, origin };
    const error =
      body && typeof body === 'object' && 'error' in body
        ? (body as { error: unknown }).error
        : null;
    if (response.status === 503 && error === 'not_ready') {
      return { ok: false, reason: 'not_ready' };
    }
    return { ok: false, reason: 'not_lapor' };
  } catch {
    return { ok: false, reason: controller.signal.aborted ? 'timeout' : 'unreachable' };
  } finally {
    clearTimeout(timer);
  }
}
