import { describe, expect, it } from 'vitest';
import { parseSavedWindow, windowBoundsFor } from '../../../electron/main/window-state.ts';
import { applicationMenuTemplate } from '../../../electron/main/application-menu.ts';

const LAPTOP = { x: 0, y: 0, width: 1366, height: 728 };
const MONITOR = { x: 1366, y: 0, width: 1920, height: 1040 };

describe('window state', () => {
  it('reopens where the window was when that is still on a screen', () => {
    const saved = { x: 1500, y: 40, width: 1400, height: 900, maximized: true };
    expect(windowBoundsFor(saved, [LAPTOP, MONITOR])).toEqual(saved);
  });

  it('comes back to the laptop screen when the monitor it was on is gone', () => {
    const saved = { x: 1500, y: 40, width: 1400, height: 900, maximized: false };
    expect(windowBoundsFor(saved, [LAPTOP])).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      maximized: false,
    });
  });

  it('centres the default size on a large first screen', () => {
    expect(windowBoundsFor(null, [MONITOR])).toEqual({
      x: 1366 + 277,
      y: 136,
      width: 1366,
      height: 768,
      maximized: false,
    });
  });

  it('ignores a damaged, foreign or too small saved state', () => {
    expect(parseSavedWindow(null)).toBeNull();
    expect(parseSavedWindow('{not json')).toBeNull();
    expect(
      parseSavedWindow('{"x":1,"y":1,"width":"big","height":700,"maximized":false}'),
    ).toBeNull();
    expect(parseSavedWindow('{"x":1,"y":1,"width":200,"height":100,"maximized":false}')).toBeNull();
    expect(parseSavedWindow('{"x":10,"y":20,"width":1200,"height":700,"maximized":true}')).toEqual({
      x: 10,
      y: 20,
      width: 1200,
      height: 700,
      maximized: true,
    });
  });
});

describe('application menu', () => {
  it('is in Indonesian and offers quitting, editing, zoom, help and About', () => {
    let shown = false;
    let helped = false;
    const menu = applicationMenuTemplate({
      showAbout: () => (shown = true),
      showHelp: () => (helped = true),
    });
    expect(menu.map((entry) => ('label' in entry ? entry.label : ''))).toEqual([
      'Berkas',
      'Sunting',
      'Tampilan',
      'Jendela',
      'Bantuan',
    ]);
    const roles = menu.flatMap((entry) =>
      'submenu' in entry && entry.submenu
        ? entry.submenu.flatMap((item) => ('role' in item && item.role ? [item.role] : []))
        : [],
    );
    expect(roles).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'zoomIn', 'zoomOut']));
    const help = menu.at(-1);
    const items = help && 'submenu' in help ? (help.submenu ?? []) : [];
    const item = (label: string) =>
      items.find((entry) => 'label' in entry && entry.label === label);
    const about = item('Tentang Lapor Workstation');
    if (about && 'click' in about) about.click?.();
    expect(shown).toBe(true);
    const guide = item('Panduan');
    expect(guide && 'accelerator' in guide ? guide.accelerator : '').toBe('F1');
    if (guide && 'click' in guide) guide.click?.();
    expect(helped).toBe(true);
  });
});
