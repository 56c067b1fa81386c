import { useEffect, useRef } from 'react';

/** A ref for a native <dialog> that opens as a modal (focus trapped, Esc closes) on mount. */
export function useModalDialog() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return dialogRef;
}
