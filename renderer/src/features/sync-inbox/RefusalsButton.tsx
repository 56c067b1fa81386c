import { useEffect, useRef, useState } from 'react';
import type { SyncRejection } from '../../../../shared/schemas/sync-rejection.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { useTranslation } from '../../i18n/language-context.tsx';
import { RefusalsDialog } from './RefusalsDialog.tsx';

/** Status-bar entry to the server's refusals of this officer's writes; hidden when there are none. */
export function RefusalsButton() {
  const { t } = useTranslation();
  const { replica } = useWorkstation();
  const [open, setOpen] = useState<SyncRejection[]>([]);
  const [showing, setShowing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const subscription = replica.sync_rejections
      .find({ selector: { resolvedAt: 0 }, sort: [{ createdAt: 'asc' }] })
      .$.subscribe((documents) =>
        setOpen(documents.map((document) => document.toJSON() as SyncRejection)),
      );
    return () => subscription.unsubscribe();
  }, [replica]);
  if (open.length === 0 && !showing) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="refusals-button"
        onClick={() => setShowing(true)}
        data-testid="refusals-button"
      >
        {t('rejections.button', { count: open.length })}
      </button>
      {showing && (
        <RefusalsDialog
          refusals={open}
          onClose={() => {
            setShowing(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
