import type { ReactNode } from 'react';
import { useOfficerName } from '../session/use-officer-name.ts';

/** Renders `children` with the officer's display name. */
export function OfficerName({
  officerId,
  children,
}: {
  officerId: string;
  children: (name: string) => ReactNode;
}) {
  return <>{children(useOfficerName(officerId))}</>;
}
