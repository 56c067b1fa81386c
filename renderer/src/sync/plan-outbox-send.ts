import type { WireDocument } from '../../../shared/api/contract.ts';

type Stored<T> = T & { id: string; _deleted: boolean };

export type OutboxSendPlan<T> = {
  /** The next push: documents the server has not accepted yet, in the order they waited. */
  send: WireDocument<T>[];
  /** Waiting ids whose document this device has deleted (a refusal withdrew it): nothing to send. */
  drop: string[];
  /** Waiting ids not written yet (counted before their write): sent once they are. */
  notWritten: string[];
};

/**
 * What the outbox sends next. `waiting` are the ids not yet accepted by the server, oldest
 * first and without repeats; `stored` what the replica holds of them, deleted ones included.
 */
export function planOutboxSend<T>(
  waiting: readonly string[],
  stored: ReadonlyMap<string, Stored<T>>,
  batchSize: number,
): OutboxSendPlan<T> {
  const plan: OutboxSendPlan<T> = { send: [], drop: [], notWritten: [] };
  for (const id of new Set(waiting)) {
    const document = stored.get(id);
    if (!document) plan.notWritten.push(id);
    else if (document._deleted) plan.drop.push(id);
    else if (plan.send.length < batchSize) plan.send.push(document as WireDocument<T>);
  }
  return plan;
}

export type PushAnswerPlan<T> = {
  /** The server's copy replaces the device's (an event stamped, a refused change undone). */
  replace: T[];
  /** Withdrawn from the device: the server refused these new documents. */
  remove: string[];
  /** Every sent id: none waits any more (accepted, or refused and recorded in sync_rejections). */
  settled: string[];
};

/**
 * What the device writes after a push. The server answers, for each sent document, nothing
 * (stored as sent), its own copy, or a bare tombstone (refused). An answer about a document
 * this push did not carry is ignored: the server never sends one, and a forged or stale
 * answer must not touch other documents.
 */
export function planPushAnswer<T extends { id: string }>(
  sent: readonly { id: string }[],
  answer: readonly WireDocument<T>[],
): PushAnswerPlan<T> {
  const sentIds = new Set(sent.map((document) => document.id));
  const plan: PushAnswerPlan<T> = { replace: [], remove: [], settled: [...sentIds] };
  for (const document of answer) {
    if (!sentIds.has(document.id)) continue;
    if (document._deleted) {
      plan.remove.push(document.id);
      continue;
    }
    const { _deleted, ...content } = document;
    void _deleted;
    plan.replace.push(content as unknown as T);
  }
  return plan;
}
