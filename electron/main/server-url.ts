export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/**
 * The central server's URL from configuration (`LAPOR_SERVER_URL`): http(s) only, no
 * credentials, nothing after the origin. Unset or blank means the local default.
 */
export function parseServerUrl(raw: string | undefined): URL {
  const text = raw && raw.trim() !== '' ? raw.trim() : DEFAULT_SERVER_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`LAPOR_SERVER_URL is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`LAPOR_SERVER_URL must be http or https, got ${url.protocol}`);
  }
  if (url.username || url.password) throw new Error('LAPOR_SERVER_URL must not carry credentials');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error('LAPOR_SERVER_URL must be an origin such as https://lapor.example.go.id');
  }
  return url;
}
