import { useState } from 'react';
import { useCurrentComplaints } from './use-current-complaints.ts';
import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatDateTime } from '../../i18n/translate.ts';
import { resolveRefusal } from './redo-refused-write.ts';
import { planRefusalRedo } from '../../../../shared/sync/plan-refusal-redo.ts';
import { SyncInboxDialog } from './SyncInboxDialog.tsx';

/** Each refused write with the server's reason; redo applies it again, discard closes it. */
export function RefusalsDialog({
  refusals,
  onClose,
}: {
  refusals: readonly SyncRejection[];
  onClose: () => void;
}) {
  const { t, language } = useTranslation();
  const workstation = useWorkstation();
  const [unredone, setUnredone] = useState<ReadonlySet<string>>(new Set());
  const current = useCurrentComplaints(refusals);
  const redoKind = (refusal: SyncRejection) =>
    planRefusalRedo(refusal, current.get(refusal.documentId) ?? null).kind;
  const resolve = async (refusal: SyncRejection, redo: boolean) => {
    if (await resolveRefusal(workstation, refusal, redo)) return;
    setUnredone((current) => new Set([...current, refusal.id]));
  };

  return (
    <SyncInboxDialog
      titleId="refusals-title"
      title={t('rejections.heading')}
      empty={refusals.length === 0 ? t('rejections.empty') : null}
      closeLabel={t('rejections.close')}
      testId="refusals-dialog"
      onClose={onClose}
    >
      <ul className="refusals-list">
        {refusals.map((refusal) => {
          const redo = redoKind(refusal);
          return (
            <li key={refusal.id}>
              <p className="refusal-reason">{refusal.reason}</p>
              <p className="form-note">
                {t('rejections.item', {
                  collection: refusal.targetCollection,
                  when: formatDateTime(
                    language,
                    refusal.createdAt,
                    workstation.instansi.utcOffsetMinutes,
                  ),
                })}
              </p>
              {refusal.identityRemoved && (
                <p className="form-note" data-testid="refusal-identity-removed">
                  {t('rejections.identityRemoved')}
                </p>
              )}
              {refusal.documentTruncated && (
                <p className="form-note" data-testid="refusal-document-truncated">
                  {t('rejections.documentTruncated')}
                </p>
              )}
              <details>
                <summary>{t('rejections.refusedContent')}</summary>
                <pre className="refused-content">{refusal.refusedDocument}</pre>
              </details>
              {unredone.has(refusal.id) && (
                <p role="alert" className="form-failure">
                  {t('rejections.redoFailed')}
                </p>
              )}
              {redo === 'none' && <p className="form-note">{t('rejections.redoThroughForm')}</p>}
              <div className="dialog-actions">
                {redo !== 'none' && (
                  <button type="button" onClick={() => void resolve(refusal, true)}>
                    {t(redo === 'restore_follow_up' ? 'rejections.redoAsDraft' : 'rejections.redo')}
                  </button>
                )}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => void resolve(refusal, false)}
                >
                  {t('rejections.discard')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </SyncInboxDialog>
  );
}
