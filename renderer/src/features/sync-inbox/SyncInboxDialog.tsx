import type { ReactNode } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog.ts';

/** The frame of a sync inbox dialog: heading, an optional intro, the list or its empty note, close. */
export function SyncInboxDialog({
  titleId,
  title,
  intro,
  empty,
  closeLabel,
  testId,
  onClose,
  children,
}: {
  titleId: string;
  title: string;
  intro?: ReactNode;
  /** Shown above the list when it has no items. */
  empty: string | null;
  closeLabel: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const dialogRef = useModalDialog();
  return (
    <dialog
      ref={dialogRef}
      className="refusals-dialog"
      aria-labelledby={titleId}
      onCancel={onClose}
      data-testid={testId}
    >
      <h2 id={titleId}>{title}</h2>
      {intro}
      {empty !== null && <p>{empty}</p>}
      {children}
      <div className="dialog-actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            dialogRef.current?.close();
            onClose();
          }}
        >
          {closeLabel}
        </button>
      </div>
    </dialog>
  );
}
