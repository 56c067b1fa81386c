import type { FormEventHandler, ReactNode } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

/**
 * The frame of an administration editor: a modal dialog holding a form with its heading, the
 * fields, and save and cancel. Escape cancels like the cancel button.
 */
export function EditorDialog({
  headingId,
  heading,
  onSubmit,
  submitting,
  onCancel,
  children,
}: {
  headingId: string;
  heading: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitting: boolean;
  onCancel: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialogRef = useModalDialog();
  return (
    <dialog
      ref={dialogRef}
      className="template-editor"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={onSubmit} noValidate>
        <h2 id={headingId}>{heading}</h2>
        {children}
        <div className="dialog-actions">
          <button type="submit" disabled={submitting}>
            {t('admin.save')}
          </button>
          <button type="button" className="secondary" onClick={onCancel}>
            {t('admin.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
