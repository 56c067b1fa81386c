import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';
import type { Category } from '../../../../shared/schemas/category.ts';
import type { Holiday } from '../../../../shared/schemas/holiday.ts';
import type { SlaRuleSetDocument } from '../../../../shared/schemas/sla-rule-set.ts';
import type { Unit } from '../../../../shared/schemas/unit.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';

type DirectoryDocuments = {
  units: Unit;
  categories: Category;
  holidays: Holiday;
  sla_rules: SlaRuleSetDocument;
};

/** Every document of a reference collection in the replica (offline too), kept live. */
export function useReplicaDocuments<Name extends keyof DirectoryDocuments>(
  name: Name,
): readonly DirectoryDocuments[Name][] {
  const { replica } = useWorkstation();
  const [documents, setDocuments] = useState<readonly DirectoryDocuments[Name][]>([]);
  useEffect(() => {
    // The four collections differ only in their document type; one query shape serves all.
    const collection = replica[name] as unknown as {
      find: () => { $: Observable<readonly { toJSON: () => unknown }[]> };
    };
    const subscription = collection
      .find()
      .$.subscribe((found) =>
        setDocuments(found.map((document) => document.toJSON() as DirectoryDocuments[Name])),
      );
    return () => subscription.unsubscribe();
  }, [replica, name]);
  return documents;
}
