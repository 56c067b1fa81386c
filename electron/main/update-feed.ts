/**
 * Where the desktop app looks for updates: a plain folder on a web server holding what
 * electron-builder produced (latest.yml, latest-linux.yml and the installers), electron-updater's
 * "generic" provider. The folder comes from configuration, never from the page.
 */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An update folder URL: https, or http only on this machine (a test server); no credentials,
 * query or fragment. Returned with a trailing slash, as electron-updater joins file names to it.
 */
export function parseUpdateUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`LAPOR_UPDATE_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new Error('LAPOR_UPDATE_URL must be https (http only for localhost)');
  }
  if (url.username || url.password) throw new Error('LAPOR_UPDATE_URL must not carry credentials');
  if (url.search || url.hash) throw new Error('LAPOR_UPDATE_URL must not have a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  return url;
}

export type UpdateFeed =
  | { kind: 'off'; reason: string }
  /** The folder set when the app was built (app-update.yml inside the installed app). */
  | { kind: 'built-in' }
  | { kind: 'generic'; url: string };

/**
 * Which update feed applies: `LAPOR_UPDATE_URL` at run time wins over the folder built into the
 * installer; an unpackaged app (development, tests) never updates itself.
 */
export function chooseUpdateFeed(options: {
  packaged: boolean;
  configuredUrl: string | undefined;
  builtInFeed: boolean;
}): UpdateFeed {
  if (!options.packaged) return { kind: 'off', reason: 'not a packaged app' };
  const configured = options.configuredUrl?.trim();
  if (configured) return { kind: 'generic', url: parseUpdateUrl(configured).href };
  if (options.builtInFeed) return { kind: 'built-in' };
  return { kind: 'off', reason: 'no update URL configured (LAPOR_UPDATE_URL)' };
}
