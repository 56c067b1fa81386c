import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import {
  MAX_SAVED_VIEWS,
  savedQueueViewSchema,
  type QueueCriteria,
  type SavedQueueView,
} from '../../../../shared/queue/queue-criteria.ts';
import { useWorkstation } from '../../session/workstation-context.tsx';
import { watchLocalDocument } from '../../db/watch-local-document.ts';

const LOCAL_ID = 'queue-views';
const storedViewsSchema = z.object({ views: z.array(z.unknown()) });

/** Views stored by an older version that no longer validate are left out, not fatal. */
function validViews(data: unknown): SavedQueueView[] {
  const parsed = storedViewsSchema.safeParse(data);
  if (!parsed.success) return [];
  return parsed.data.views.flatMap((view) => {
    const result = savedQueueViewSchema.safeParse(view);
    return result.success ? [result.data] : [];
  });
}

export type SavedViews = {
  views: readonly SavedQueueView[];
  save: (name: string, criteria: QueueCriteria) => Promise<SavedQueueView>;
  remove: (id: string) => Promise<void>;
};

/** The officer's named queue views, kept in this device's replica (not synced). */
export function useSavedViews(): SavedViews {
  const { replica } = useWorkstation();
  const [views, setViews] = useState<readonly SavedQueueView[]>([]);

  useEffect(() => {
    const subscription = watchLocalDocument(replica, LOCAL_ID, true).subscribe((document) => {
      setViews(document ? validViews(document.toJSON().data) : []);
    });
    return () => subscription.unsubscribe();
  }, [replica]);

  const write = useCallback(
    async (change: (current: SavedQueueView[]) => SavedQueueView[]) => {
      const document = await replica.getLocal(LOCAL_ID);
      const next = change(document ? validViews(document.toJSON().data) : []);
      await replica.upsertLocal(LOCAL_ID, { views: next });
    },
    [replica],
  );

  const save = useCallback(
    async (name: string, criteria: QueueCriteria) => {
      const view = savedQueueViewSchema.parse({ id: crypto.randomUUID(), name, criteria });
      await write((current) => {
        const others = current.filter((existing) => existing.name !== view.name);
        if (others.length >= MAX_SAVED_VIEWS) {
          throw new Error(`max ${MAX_SAVED_VIEWS}`);
        }
        return [...others, view].sort((a, b) => a.name.localeCompare(b.name, 'id'));
      });
      return view;
    },
    [write],
  );

  const remove = useCallback(
    (id: string) => write((current) => current.filter((view) => view.id !== id)),
    [write],
  );

  return { views, save, remove };
}
