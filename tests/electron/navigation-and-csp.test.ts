import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../electron/main/content-security-policy.ts';
import { externalLinkTarget, isAllowedNavigation } from '../../electron/main/navigation-policy.ts';
import { parseServerUrl } from '../../electron/main/server-url.ts';

const APP = ['app://workstation'];

describe('window navigation policy', () => {
  it('allows the packaged app', () => {
    expect(isAllowedNavigation('app://workstation/index.html', APP)).toBe(true);
  });

  it.each([
    'https://lapor.go.id/',
    'http://127.0.0.1:8787.evil.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'app://other/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, APP)).toBe(false);
  });

  it('opens only https links in the system browser', () => {
    expect(externalLinkTarget('https://www.lapor.go.id/laporan')).toBe(
      'https://www.lapor.go.id/laporan',
    );
    expect(externalLinkTarget('http://www.lapor.go.id/')).toBeNull();
    expect(externalLinkTarget('file:///C:/Windows/System32/calc.exe')).toBeNull();
    expect(externalLinkTarget('https://user:pass@example.com/')).toBeNull();
    expect(externalLinkTarget('smb://server/share')).toBeNull();
  });
});

describe('content security policy', () => {
  const csp = buildContentSecurityPolicy('https://lapor.kaltimprov.go.id');
  it('allows network access to the app and the central server only', () => {
    expect(csp).toContain("connect-src 'self' https://lapor.kaltimprov.go.id");
    expect(csp).toContain("default-src 'self'");
  });
  it('forbids inline script, eval, plugins and framing', () => {
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('server URL configuration', () => {
  it('defaults to the local server and keeps only the origin', () => {
    expect(parseServerUrl(undefined).origin).toBe('http://127.0.0.1:8787');
    expect(parseServerUrl('https://lapor.kaltimprov.go.id').origin).toBe(
      'https://lapor.kaltimprov.go.id',
    );
  });
  it.each([
    'ftp://server',
    'https://user:pw@server',
    'https://server/api?x=1',
    'javascript:alert(1)',
  ])('refuses %s', (raw) => {
    expect(() => parseServerUrl(raw)).toThrow();
  });
});
