import { describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHANNELS } from '../../../shared/bridge.ts';
import {
  chooseServer,
  serverSettingsFileContent,
  type ServerSource,
} from '../../../electron/main/server-settings.ts';
import { createServerSetupHandlers } from '../../../electron/main/server-setup-handlers.ts';

describe('which central server the desktop app uses', () => {
  it('takes LAPOR_SERVER_URL first', () => {
    expect(
      chooseServer('https://lapor.kaltimprov.go.id', '{"serverUrl":"https://other.go.id"}'),
    ).toEqual({ origin: 'https://lapor.kaltimprov.go.id', source: 'env' });
  });

  it('refuses an invalid LAPOR_SERVER_URL rather than guessing', () => {
    expect(() => chooseServer('ftp://x', null)).toThrow(/http or https/);
  });

  it('otherwise the server chosen at first run', () => {
    const file = serverSettingsFileContent('https://lapor.kaltimprov.go.id/');
    expect(file).toBe('{"serverUrl":"https://lapor.kaltimprov.go.id"}\n');
    expect(chooseServer(undefined, file)).toEqual({
      origin: 'https://lapor.kaltimprov.go.id',
      source: 'saved',
    });
    expect(chooseServer('  ', file).source).toBe('saved');
  });

  it('otherwise none, also when the settings file is damaged or holds a bad address', () => {
    expect(chooseServer(undefined, null)).toEqual({ origin: null, source: 'none' });
    expect(chooseServer(undefined, '{"serverUrl": 12')).toEqual({ origin: null, source: 'none' });
    expect(chooseServer(undefined, '{"serverUrl":"javascript:alert(1)"}')).toEqual({
      origin: null,
      source: 'none',
    });
  });
});

describe('first-run IPC', () => {
  function setup(source: ServerSource = 'none') {
    const save = vi.fn(async (_origin: string) => undefined);
    const fetchReadiness = vi.fn(async () => ({
      status: 200,
      json: async () => ({ status: 'ready' }),
    }));
    const handlers = createServerSetupHandlers({ fetchReadiness, source: () => source, save });
    return { handlers, save, fetchReadiness };
  }

  it('tests an address through the main process', async () => {
    const { handlers, fetchReadiness } = setup();
    expect(await handlers[BRIDGE_CHANNELS.testServer]('lapor.kaltimprov.go.id')).toEqual({
      ok: true,
      origin: 'https://lapor.kaltimprov.go.id',
    });
    expect(fetchReadiness).toHaveBeenCalledTimes(1);
  });

  it('keeps the chosen server as an origin', async () => {
    const { handlers, save } = setup();
    expect(await handlers[BRIDGE_CHANNELS.setServerUrl]('http://127.0.0.1:8787/')).toBe(
      'http://127.0.0.1:8787',
    );
    expect(save).toHaveBeenCalledWith('http://127.0.0.1:8787');
  });

  it('refuses to change a server the administrator set with LAPOR_SERVER_URL', async () => {
    const { handlers, save } = setup('env');
    await expect(
      handlers[BRIDGE_CHANNELS.setServerUrl]('https://attacker.example'),
    ).rejects.toThrow(/LAPOR_SERVER_URL/);
    expect(save).not.toHaveBeenCalled();
  });

  it.each([
    ['no argument', []],
    ['a number', [42]],
    ['a long string', ['https://'.padEnd(400, 'a')]],
  ])('refuses %s', async (_name, args) => {
    const { handlers, save, fetchReadiness } = setup();
    await expect(handlers[BRIDGE_CHANNELS.testServer](...args)).rejects.toThrow(/invalid/);
    await expect(handlers[BRIDGE_CHANNELS.setServerUrl](...args)).rejects.toThrow(/invalid/);
    expect(save).not.toHaveBeenCalled();
    expect(fetchReadiness).not.toHaveBeenCalled();
  });

  it('refuses an address that is not a server origin', async () => {
    const { handlers, save } = setup();
    await expect(handlers[BRIDGE_CHANNELS.setServerUrl]('file:///etc/passwd')).rejects.toThrow(
      /not a server address/,
    );
    expect(save).not.toHaveBeenCalled();
  });
});
