import { describe, expect, it } from 'vitest';
import {
  externalLinkTarget,
  isAllowedNavigation,
  pageOriginOf,
} from '../../../electron/main/navigation-policy.ts';

const PACKAGED = ['app://workstation'];
const DEVELOPING = ['app://workstation', 'http://127.0.0.1:8787'];

describe('window navigation policy', () => {
  it('allows pages of the packaged app', () => {
    expect(isAllowedNavigation('app://workstation/index.html', PACKAGED)).toBe(true);
    expect(isAllowedNavigation('app://workstation/index.html#/antrian', PACKAGED)).toBe(true);
  });

  it('allows the dev server only when it is one of the app origins', () => {
    expect(isAllowedNavigation('http://127.0.0.1:8787/', DEVELOPING)).toBe(true);
    expect(isAllowedNavigation('http://127.0.0.1:8787/', PACKAGED)).toBe(false);
  });

  it.each([
    'https://lapor.go.id/',
    'http://127.0.0.1:8787.evil.com/',
    'http://127.0.0.1:8787@evil.com/',
    'http://127.0.0.1:87870/',
    'https://127.0.0.1:8787/',
    'http://localhost:8787/',
    'file:///etc/passwd',
    'file://workstation/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'blob:app://workstation/1234',
    'about:blank',
    'app://other/index.html',
    'app://workstation.evil.com/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, DEVELOPING)).toBe(false);
  });
});

describe('page origin', () => {
  it('keeps scheme, host and port of custom and web schemes', () => {
    expect(pageOriginOf('app://workstation/assets/a.js')).toBe('app://workstation');
    expect(pageOriginOf('http://127.0.0.1:8787/x?y#z')).toBe('http://127.0.0.1:8787');
  });

  it('has none for URLs without a host', () => {
    expect(pageOriginOf('javascript:alert(1)')).toBeNull();
    expect(pageOriginOf('file:///etc/passwd')).toBeNull();
    expect(pageOriginOf('nonsense')).toBeNull();
  });
});

describe('links opened in the system browser', () => {
  it('opens https links', () => {
    expect(externalLinkTarget('https://www.lapor.go.id/laporan')).toBe(
      'https://www.lapor.go.id/laporan',
    );
  });

  it.each([
    'http://www.lapor.go.id/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'https://user:pass@example.com/',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://workstation/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(externalLinkTarget(url)).toBeNull();
  });
});
