import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A status-bar entry to what the sync left for the officer (refusals, concurrent edits): hidden
 * while there is nothing, it opens its dialog and takes the focus back when that closes.
 */
export function SyncInboxButton({
  count,
  label,
  testId,
  renderDialog,
}: {
  count: number;
  label: string;
  testId: string;
  renderDialog: (onClose: () => void) => ReactNode;
}) {
  const [showing, setShowing] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasShowing = useRef(false);
  useEffect(() => {
    if (wasShowing.current && !showing) buttonRef.current?.focus();
    wasShowing.current = showing;
  }, [showing]);
  // Kept while its dialog is open: the last item resolved leaves the dialog saying so.
  if (count === 0 && !showing) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="refusals-button"
        onClick={() => setShowing(true)}
        data-testid={testId}
      >
        {label}
      </button>
      {showing && renderDialog(() => setShowing(false))}
    </>
  );
}
