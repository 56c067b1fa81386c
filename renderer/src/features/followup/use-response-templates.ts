import { useEffect, useState } from 'react';
import type {
  ResponseTemplate,
  ResponseTemplateKind,
} from '../../../../shared/schemas/response-template.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';

/**
 * The instansi's response templates from the replica (offline too), by title, kept live.
 * With a kind, only the active templates of that kind: what an officer may pick.
 */
export function useResponseTemplates(kind?: ResponseTemplateKind): readonly ResponseTemplate[] {
  const { replica } = useWorkstation();
  const [templates, setTemplates] = useState<readonly ResponseTemplate[]>([]);
  useEffect(() => {
    const query = replica.templates.find({
      selector: kind ? { kind, active: true } : {},
      sort: [{ title: 'asc' }],
    });
    const subscription = query.$.subscribe((documents) =>
      setTemplates(documents.map((document) => document.toJSON() as ResponseTemplate)),
    );
    return () => subscription.unsubscribe();
  }, [replica, kind]);
  return templates;
}
