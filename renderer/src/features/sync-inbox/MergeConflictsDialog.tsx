import { useState } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import type { MergeConflictRecord } from '../../db/complaint-conflict-handler.ts';
import type { Directory } from '../../session/use-directory.ts';
import { OfficerName } from '../../ui/OfficerName.tsx';
import { ConflictGroupChoice } from './ConflictGroupChoice.tsx';
import { resolveMergeConflict } from './resolve-merge-conflict.ts';

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
  const dialogRef = useModalDialog();
  const [picks, setPicks] = useState<Record<string, boolean[]>>({});

  return (
    <dialog
      ref={dialogRef}
      className="refusals-dialog"
      aria-labelledby="merge-conflicts-title"
      onCancel={onClose}
      data-testid="merge-conflicts-dialog"
    >
      <h2 id="merge-conflicts-title">{t('conflict.heading')}</h2>
      <p className="form-note">{t('conflict.intro')}</p>
      {records.length === 0 && <p>{t('conflict.empty')}</p>}
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
      <div className="dialog-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            dialogRef.current?.close();
            onClose();
          }}
        >
          {t('conflict.close')}
        </button>
      </div>
    </dialog>
  );
}
