import { useEffect, useState } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { mergeConflictsOf } from '../../db/create-replica.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MergeConflictRecord } from '../../db/complaint-conflict-handler.ts';
import type { Directory } from '../../session/use-directory.ts';
import { MergeConflictsDialog } from './MergeConflictsDialog.tsx';
import { SyncInboxButton } from './SyncInboxButton.tsx';

/** Status-bar entry to concurrent edits waiting for the officer's pick; hidden when none. */
export function MergeConflictsButton({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const { replica } = useWorkstation();
  const [records, setRecords] = useState<MergeConflictRecord[]>([]);
  useEffect(() => {
    const subscription = mergeConflictsOf(replica).list$().subscribe(setRecords);
    return () => subscription.unsubscribe();
  }, [replica]);
  return (
    <SyncInboxButton
      count={records.length}
      label={t('conflict.button', { count: records.length })}
      testId="merge-conflicts-button"
      renderDialog={(onClose) => (
        <MergeConflictsDialog records={records} directory={directory} onClose={onClose} />
      )}
    />
  );
}
