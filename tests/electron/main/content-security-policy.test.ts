import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  withContentSecurityPolicy,
} from '../../../electron/main/content-security-policy.ts';

const SERVER = 'https://lapor.kaltimprov.go.id';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('content security policy of the packaged app', () => {
  const policy = directives(buildContentSecurityPolicy(SERVER));

  it('loads code and styles only from the app itself', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
  });

  it('talks to the app and the central server only (API and its event stream)', () => {
    expect(policy.get('connect-src')).toEqual(["'self'", SERVER]);
  });

  it('allows images from the app, data: and blob: URLs', () => {
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  });

  it('forbids plugins, base rewriting and being framed', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('allows no inline code or eval anywhere', () => {
    const text = buildContentSecurityPolicy(SERVER);
    expect(text).not.toContain('unsafe-inline');
    expect(text).not.toContain('unsafe-eval');
    expect(text).not.toContain('*');
  });
});

describe('content security policy while developing', () => {
  const policy = directives(
    buildContentSecurityPolicy(SERVER, { devServerOrigin: 'http://localhost:5173' }),
  );

  it("admits the dev server's inline preamble and injected styles", () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("admits the dev server's hot-reload socket and still only the configured server", () => {
    expect(policy.get('connect-src')).toEqual(["'self'", SERVER, 'ws://localhost:5173']);
  });

  it('still forbids eval, plugins and framing', () => {
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('CSP response header', () => {
  const POLICY = "default-src 'self'";
  const PAGES = ['app://workstation', 'http://localhost:5173'];

  it('replaces any policy a workstation page was sent with', () => {
    const headers = withContentSecurityPolicy(
      {
        url: 'http://localhost:5173/index.html',
        responseHeaders: {
          'content-security-policy': ['default-src *'],
          'Content-Type': ['text/html'],
        },
      },
      PAGES,
      POLICY,
    );
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [POLICY] });
  });

  it('adds the policy to a page that was sent none', () => {
    expect(
      withContentSecurityPolicy({ url: 'app://workstation/index.html' }, PAGES, POLICY),
    ).toEqual({ 'Content-Security-Policy': [POLICY] });
  });

  it.each([
    'http://127.0.0.1:8787/api/replication/complaints/pull',
    'http://localhost:5173.evil.com/',
    'http://localhost:51730/',
    'not a url',
  ])('leaves responses from %s untouched', (url) => {
    const responseHeaders = { 'Content-Type': ['application/json'] };
    expect(withContentSecurityPolicy({ url, responseHeaders }, PAGES, POLICY)).toBe(
      responseHeaders,
    );
  });
});
