export const DEFAULT_SERVER_URL = 'http://127.0.0.1:8787';

/** The central server's URL from configuration: http(s) only, no credentials, no path. */
export function parseServerUrl(raw: string | undefined): URL {
  const url = new URL(raw && raw.trim() !== '' ? raw.trim() : DEFAULT_SERVER_URL);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`LAPOR_SERVER_URL must be http or https, got ${url.protocol}`);
  }
  if (url.username || url.password) throw new Error('LAPOR_SERVER_URL must not carry credentials');
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error('LAPOR_SERVER_URL must be an origin such as https://lapor.example.go.id');
  }
  return url;
}
