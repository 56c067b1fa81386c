import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, parseServerUrl } from '../../../electron/main/server-url.ts';

describe('LAPOR_SERVER_URL', () => {
  it('defaults to the local server when unset or blank', () => {
    expect(DEFAULT_SERVER_URL).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl(undefined).origin).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('   ').origin).toBe('http://127.0.0.1:8787');
  });

  it('accepts http and https origins, with or without a trailing slash', () => {
    expect(parseServerUrl('https://lapor.kaltimprov.go.id').origin).toBe(
      'https://lapor.kaltimprov.go.id',
    );
    expect(parseServerUrl(' http://10.0.0.5:8787/ ').origin).toBe('http://10.0.0.5:8787');
  });

  it.each([
    ['ftp://server', /http or https/],
    ['file:///etc/passwd', /http or https/],
    ['javascript:alert(1)', /http or https/],
    ['https://user:pw@server', /credentials/],
    ['https://server/api', /origin/],
    ['https://server/?x=1', /origin/],
    ['https://server/#x', /origin/],
    ['lapor.kaltimprov.go.id', /not a URL/],
  ])('refuses %s with a message naming the variable', (raw, reason) => {
    expect(() => parseServerUrl(raw)).toThrow(reason);
    expect(() => parseServerUrl(raw)).toThrow(/LAPOR_SERVER_URL/);
  });
});
