import { autoCloseNote } from '../../../../shared/domain/find-auto-close-candidates.ts';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

type ConfirmAutoCloseDialogProps = {
  count: number;
  /** The wait of the first selected proposal, to show the note as it will be written. */
  example: { autoCloseDays: number; counting: 'working' | 'calendar' };
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
};

/** Asks before closing: proposals are never closed without the admin's explicit yes. */
export function ConfirmAutoCloseDialog({
  count,
  example,
  busy,
  onConfirm,
  onCancel,
}: ConfirmAutoCloseDialogProps) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby="auto-close-confirm-heading"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="auto-close-confirm-heading">{t('autoClose.confirmHeading', { count })}</h2>
      <p>
        {t('autoClose.confirmBody', {
          note: autoCloseNote(example.autoCloseDays, example.counting),
        })}
      </p>
      <div className="dialog-actions">
        <button type="button" onClick={onConfirm} disabled={busy} data-testid="auto-close-confirm">
          {t('autoClose.confirmYes')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={busy}>
          {t('autoClose.cancel')}
        </button>
      </div>
    </dialog>
  );
}
