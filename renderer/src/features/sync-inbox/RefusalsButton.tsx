import { useEffect, useState } from 'react';
import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { RefusalsDialog } from './RefusalsDialog.tsx';
import { SyncInboxButton } from './SyncInboxButton.tsx';

/** Status-bar entry to the server's refusals of this officer's writes; hidden when there are none. */
export function RefusalsButton() {
  const { t } = useTranslation();
  const { replica } = useWorkstation();
  const [open, setOpen] = useState<SyncRejection[]>([]);
  useEffect(() => {
    const subscription = replica.sync_rejections
      .find({ selector: { resolvedAt: 0 }, sort: [{ createdAt: 'asc' }] })
      .$.subscribe((documents) =>
        setOpen(documents.map((document) => document.toJSON() as SyncRejection)),
      );
    return () => subscription.unsubscribe();
  }, [replica]);
  return (
    <SyncInboxButton
      count={open.length}
      label={t('rejections.button', { count: open.length })}
      testId="refusals-button"
      renderDialog={(onClose) => <RefusalsDialog refusals={open} onClose={onClose} />}
    />
  );
}
