import { useState } from 'react';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MergeConflictRecord } from '../../db/complaint-conflict-handler.ts';
import type { Directory } from '../../session/use-directory.ts';
import { OfficerName } from '../../ui/OfficerName.tsx';
import { ConflictGroupChoice } from './ConflictGroupChoice.tsx';
import { resolveMergeConflict } from './resolve-merge-conflict.ts';
import { SyncInboxDialog } from './SyncInboxDialog.tsx';

/** One section per complaint; per conflicting part, mine or the server's; saving is a normal edit. */
export function MergeConflictsDialog({
  records,
  directory,
  onClose,
}: {
  records: readonly MergeConflictRecord[];
  directory: Directory;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const workstation = useWorkstation();
  const [picks, setPicks] = useState<Record<string, boolean[]>>({});

  return (
    <SyncInboxDialog
      titleId="merge-conflicts-title"
      title={t('conflict.heading')}
      intro={<p className="form-note">{t('conflict.intro')}</p>}
      empty={records.length === 0 ? t('conflict.empty') : null}
      closeLabel={t('conflict.close')}
      testId="merge-conflicts-dialog"
      onClose={onClose}
    >
      <ul className="refusals-list">
        {records.map((record) => {
          const keepMine = picks[record.complaintId] ?? record.conflicts.map(() => false);
          return (
            <li key={record.complaintId}>
              <p className="refusal-reason">
                <OfficerName officerId={record.updatedBy}>
                  {(by) => t('conflict.complaint', { tracking: record.trackingNumber, by })}
                </OfficerName>
              </p>
              {record.conflicts.map((conflict, index) => (
                <ConflictGroupChoice
                  key={conflict.fields.join('+')}
                  name={`${record.complaintId}-${index}`}
                  conflict={conflict}
                  directory={directory}
                  keepMine={keepMine[index] ?? false}
                  onPick={(mine) =>
                    setPicks({
                      ...picks,
                      [record.complaintId]: keepMine.map((value, at) =>
                        at === index ? mine : value,
                      ),
                    })
                  }
                />
              ))}
              <div className="dialog-actions">
                <button
                  type="button"
                  onClick={() =>
                    void resolveMergeConflict(
                      workstation.replica,
                      workstation.sync.pending,
                      record,
                      keepMine,
                    )
                  }
                >
                  {t('conflict.apply')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </SyncInboxDialog>
  );
}
