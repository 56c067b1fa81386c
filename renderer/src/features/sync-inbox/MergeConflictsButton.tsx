import { useEffect, useRef, useState } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { mergeConflictsOf } from '../../db/create-replica.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MergeConflictRecord } from '../../db/complaint-conflict-handler.ts';
import type { Directory } from '../../session/use-directory.ts';
import { MergeConflictsDialog } from './MergeConflictsDialog.tsx';

/** Status-bar entry to concurrent edits waiting for the officer's pick; hidden when none. */
export function MergeConflictsButton({ directory }: { directory: Directory }) {
  const { t } = useTranslation();
  const { replica } = useWorkstation();
  const [records, setRecords] = useState<MergeConflictRecord[]>([]);
  const [showing, setShowing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const subscription = mergeConflictsOf(replica).list$().subscribe(setRecords);
    return () => subscription.unsubscribe();
  }, [replica]);
  if (records.length === 0 && !showing) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="refusals-button"
        onClick={() => setShowing(true)}
        data-testid="merge-conflicts-button"
      >
        {t('conflict.button', { count: records.length })}
      </button>
      {showing && (
        <MergeConflictsDialog
          records={records}
          directory={directory}
          onClose={() => {
            setShowing(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
