import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveAppFile } from '../../../electron/main/app-protocol.ts';

const ROOT = '/opt/lapor/out/renderer';

describe('app:// protocol file mapping', () => {
  it('serves index.html for the root and files inside the renderer folder', () => {
    expect(resolveAppFile('app://workstation/', ROOT)).toBe(`${ROOT}/index.html`);
    expect(resolveAppFile('app://workstation/assets/index-1.js', ROOT)).toBe(
      `${ROOT}/assets/index-1.js`,
    );
  });

  it.each(['app://workstation/../../etc/passwd', 'app://workstation/%2e%2e/%2e%2e/etc/passwd'])(
    'keeps %s inside the renderer folder',
    (url) => {
      const file = resolveAppFile(url, ROOT);
      expect(file === null || file.startsWith(`${ROOT}/`)).toBe(true);
    },
  );

  it.each([
    'app://workstation/assets/..%2F..%2F..%2Fsecret',
    'app://workstation/a%00.js',
    'app://workstation/..%5C..%5Cwindows',
    'app://elsewhere/index.html',
    'file:///opt/lapor/out/renderer/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppFile(url, ROOT)).toBeNull();
  });

  it('sends scripts and pages with their content types', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
