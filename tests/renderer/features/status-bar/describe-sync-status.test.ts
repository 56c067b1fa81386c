import { describe, expect, it } from 'vitest';
import { describeSyncStatus } from '../../../../renderer/src/features/status-bar/describe-sync-status.ts';
import { MESSAGES_ID } from '../../../../renderer/src/i18n/messages-id.ts';
import { translate } from '../../../../renderer/src/i18n/translate.ts';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../../../../renderer/src/sync/sync-status.ts';
import {
  initialSyncState,
  reduceSyncState,
  type SyncEvent,
} from '../../../../shared/sync/sync-state.ts';

const T0 = 1_800_000_000_000;

function statusAfter(events: SyncEvent[], pending = 0): SyncStatus {
  return {
    ...INITIAL_SYNC_STATUS,
    pending,
    machine: events.reduce(reduceSyncState, initialSyncState(T0)),
  };
}

function sentence(status: SyncStatus): string {
  const { key, params } = describeSyncStatus(status);
  expect(MESSAGES_ID[key]).toBeDefined();
  return translate('id', key, params);
}

describe('the status-bar sentence', () => {
  it('names each phase in Bahasa Indonesia', () => {
    expect(sentence(statusAfter([{ type: 'STREAM', state: 'connected', at: T0 }]))).toBe(
      'Daring · tersinkron',
    );
    expect(sentence(statusAfter([{ type: 'NETWORK', online: false, at: T0 }], 3))).toBe(
      'Luring · 3 perubahan menunggu',
    );
    expect(sentence(statusAfter([{ type: 'PAUSE', at: T0 }], 2))).toBe(
      'Sinkronisasi dijeda · 2 perubahan menunggu',
    );
  });

  it('gives the reason of an error: a password change, an unreachable server, a clock 3 h off', () => {
    expect(sentence(statusAfter([{ type: 'AUTH', state: 'revoked', at: T0 }], 4))).toContain(
      'kata sandi diubah',
    );
    expect(
      sentence(
        statusAfter([
          { type: 'STREAM', state: 'disconnected', at: T0 },
          { type: 'TICK', at: T0 + 60_000 },
        ]),
      ),
    ).toBe('Server tidak dapat dihubungi · 0 perubahan menunggu');
    expect(
      sentence(
        statusAfter([
          { type: 'STREAM', state: 'connected', at: T0 },
          { type: 'CLOCK', serverMinusDeviceMs: -3 * 3_600_000, at: T0 },
        ]),
      ),
    ).toBe('Jam perangkat lebih cepat 3 jam dari server · perbaiki pengaturan jam');
    expect(
      sentence(
        statusAfter([
          { type: 'STREAM', state: 'connected', at: T0 },
          { type: 'CLOCK', serverMinusDeviceMs: 2.5 * 3_600_000, at: T0 },
        ]),
      ),
    ).toBe('Jam perangkat lebih lambat 2,5 jam dari server · perbaiki pengaturan jam');
  });
});
