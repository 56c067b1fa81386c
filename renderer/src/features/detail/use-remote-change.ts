import { useState } from 'react';

/**
 * Notices a newer server state of the complaint arriving while the officer has unsaved input in
 * a form about it. The form keeps the officer's input; `acknowledge` is called once they chose
 * to reload or to keep theirs.
 */
export function useRemoteChange(complaintId: string, serverSeq: number, editing: boolean) {
  const [seen, setSeen] = useState({ complaintId, serverSeq });
  const following = !editing || seen.complaintId !== complaintId;
  // Follows the latest state while nothing is typed (state adjusted during render, not in an effect).
  if (following && (seen.complaintId !== complaintId || seen.serverSeq !== serverSeq)) {
    setSeen({ complaintId, serverSeq });
  }
  return {
    changed: !following && seen.serverSeq !== serverSeq,
    acknowledge: () => setSeen({ complaintId, serverSeq }),
  };
}
