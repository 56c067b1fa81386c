import { describe, expect, it } from 'vitest';
import { describeAuditDetails } from '../../../../renderer/src/features/admin/describe-audit-details.ts';
import { translate } from '../../../../renderer/src/i18n/translate.ts';
import type { MessageKey } from '../../../../renderer/src/i18n/messages-id.ts';

const inIndonesian = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('id', key, params);
const inEnglish = (key: MessageKey, params?: Record<string, string | number>) =>
  translate('en', key, params);

describe('describeAuditDetails', () => {
  it('names the changed fields in words and leaves out the change number', () => {
    expect(describeAuditDetails({ seq: 7412, fields: ['status'] }, inIndonesian)).toBe(
      'Diubah: status',
    );
    expect(describeAuditDetails({ fields: ['priority', 'unitId'], seq: 3 }, inEnglish)).toBe(
      'Changed: priority, assigned OPD',
    );
  });

  it('gives the reason, and leaves out ids the row shows as a tracking number', () => {
    expect(
      describeAuditDetails({ reason: 'wrong_password', complaintId: 'c-1' }, inIndonesian),
    ).toBe('Alasan: wrong_password');
  });

  it('keeps an unknown detail as it is rather than dropping it', () => {
    expect(describeAuditDetails({ channel: 'web' }, inIndonesian)).toBe('channel: web');
  });
});
