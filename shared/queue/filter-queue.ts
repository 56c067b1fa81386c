import { PRIORITIES } from '../domain/complaint-status.ts';
import {
  ACTIVE_STATUSES,
  ANY_ID,
  QUEUE_FACETS,
  type QueueCriteria,
  type QueueFacet,
  type QueueSort,
} from './queue-criteria.ts';
import type { QueueEntry } from './queue-entry.ts';

const DAY_MS = 86_400_000;

export type QueueContext = {
  now: number;
  utcOffsetMinutes: number;
  /** Ids matching the search text, or null when nothing is searched. */
  searchMatches: ReadonlySet<string> | null;
};

/** Per facet: how many complaints each choice would show, the other facets staying as they are. */
export type FacetCounts = Record<QueueFacet, Map<string, number>> & {
  /** Per facet: how many complaints "any" would show. */
  totals: Record<QueueFacet, number>;
};

export type FilteredQueue = { rows: QueueEntry[]; counts: FacetCounts };

export type DeadlineClass = 'overdue' | 'due_this_week' | 'later' | 'no_clock';

/** The instant the instansi's local week (Monday to Sunday) ends. */
export function endOfLocalWeek(now: number, utcOffsetMinutes: number): number {
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = now + offsetMs;
  const startOfToday = Math.floor(local / DAY_MS) * DAY_MS;
  const weekday = new Date(startOfToday).getUTCDay();
  const daysToMonday = weekday === 0 ? 1 : 8 - weekday;
  return startOfToday + daysToMonday * DAY_MS - offsetMs;
}

/** The instant a local date (YYYY-MM-DD) begins in the instansi's time zone. */
export function startOfLocalDate(date: string, utcOffsetMinutes: number): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) - utcOffsetMinutes * 60_000;
}

export function deadlineClassOf(dueAt: number, now: number, weekEnd: number): DeadlineClass {
  if (dueAt === 0) return 'no_clock';
  if (dueAt < now) return 'overdue';
  return dueAt < weekEnd ? 'due_this_week' : 'later';
}

type FacetRule = {
  matches: (entry: QueueEntry) => boolean;
  /** The choices of this facet the entry counts towards. */
  count: (entry: QueueEntry, counts: Map<string, number>) => void;
};

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function facetRules(
  criteria: QueueCriteria,
  now: number,
  weekEnd: number,
): Record<QueueFacet, FacetRule> {
  const byValue = <K extends QueueFacet & keyof QueueEntry>(facet: K, any: string): FacetRule => {
    const wanted: string = criteria[facet];
    return {
      matches: wanted === any ? () => true : (entry) => String(entry[facet]) === wanted,
      count: (entry, counts) => increment(counts, String(entry[facet])),
    };
  };
  const status = criteria.status;
  return {
    status: {
      matches:
        status === 'all'
          ? () => true
          : status === 'active'
            ? (entry) => ACTIVE_STATUSES.includes(entry.status)
            : (entry) => entry.status === status,
      count: (entry, counts) => increment(counts, entry.status),
    },
    unitId: byValue('unitId', ANY_ID),
    categoryId: byValue('categoryId', ANY_ID),
    type: byValue('type', 'any'),
    channel: byValue('channel', 'any'),
    priority: byValue('priority', 'any'),
    deadline: {
      matches:
        criteria.deadline === 'any'
          ? () => true
          : (entry) => deadlineClassOf(entry.dueAt, now, weekEnd) === criteria.deadline,
      count: (entry, counts) => increment(counts, deadlineClassOf(entry.dueAt, now, weekEnd)),
    },
    privacy: {
      matches:
        criteria.privacy === 'any'
          ? () => true
          : criteria.privacy === 'terbuka'
            ? (entry) => !entry.anonim && !entry.rahasia
            : criteria.privacy === 'rahasia'
              ? (entry) => entry.rahasia
              : (entry) => entry.anonim,
      count: (entry, counts) => {
        if (entry.rahasia) increment(counts, 'rahasia');
        if (entry.anonim) increment(counts, 'anonim');
        if (!entry.anonim && !entry.rahasia) increment(counts, 'terbuka');
      },
    },
  };
}

/**
 * The complaints matching every criterion, in the order given, with the count of every facet
 * choice in one pass: an entry failing exactly one facet still counts towards that facet's
 * choices, so each count says what picking that choice would show.
 */
export function filterQueue(
  orderedEntries: readonly QueueEntry[],
  criteria: QueueCriteria,
  context: QueueContext,
): FilteredQueue {
  const weekEnd = endOfLocalWeek(context.now, context.utcOffsetMinutes);
  const rules = facetRules(criteria, context.now, weekEnd);
  const facets = QUEUE_FACETS.map((facet) => ({ facet, rule: rules[facet] }));
  const from = criteria.receivedFrom
    ? startOfLocalDate(criteria.receivedFrom, context.utcOffsetMinutes)
    : -Infinity;
  const to = criteria.receivedTo
    ? startOfLocalDate(criteria.receivedTo, context.utcOffsetMinutes) + DAY_MS
    : Infinity;
  const search = context.searchMatches;

  const counts = Object.fromEntries(QUEUE_FACETS.map((facet) => [facet, new Map()])) as Record<
    QueueFacet,
    Map<string, number>
  >;
  const totals = Object.fromEntries(QUEUE_FACETS.map((facet) => [facet, 0])) as Record<
    QueueFacet,
    number
  >;
  const rows: QueueEntry[] = [];

  for (const entry of orderedEntries) {
    if (entry.receivedAt < from || entry.receivedAt >= to) continue;
    if (search && !search.has(entry.id)) continue;
    let failed: (typeof facets)[number] | null = null;
    let failures = 0;
    for (const candidate of facets) {
      if (!candidate.rule.matches(entry)) {
        failures += 1;
        failed = candidate;
        if (failures > 1) break;
      }
    }
    if (failures === 0) {
      rows.push(entry);
      for (const { facet, rule } of facets) {
        rule.count(entry, counts[facet]);
        totals[facet] += 1;
      }
    } else if (failures === 1 && failed) {
      failed.rule.count(entry, counts[failed.facet]);
      totals[failed.facet] += 1;
    }
  }
  return { rows, counts: Object.assign(counts, { totals }) };
}

const PRIORITY_RANK = new Map(PRIORITIES.map((priority, index) => [priority, index]));

function byDue(a: QueueEntry, b: QueueEntry): number {
  // Running clocks first, soonest due first; complaints without a clock after, newest first.
  if (a.dueAt === 0 || b.dueAt === 0) {
    if (a.dueAt !== b.dueAt) return a.dueAt === 0 ? 1 : -1;
    return b.updatedAt - a.updatedAt;
  }
  return a.dueAt - b.dueAt;
}

const COMPARATORS: Record<QueueSort, (a: QueueEntry, b: QueueEntry) => number> = {
  due_asc: byDue,
  received_desc: (a, b) => b.receivedAt - a.receivedAt,
  received_asc: (a, b) => a.receivedAt - b.receivedAt,
  updated_desc: (a, b) => b.updatedAt - a.updatedAt,
  priority_desc: (a, b) =>
    (PRIORITY_RANK.get(b.priority) ?? 0) - (PRIORITY_RANK.get(a.priority) ?? 0) || byDue(a, b),
};

/** The queue's total order: ties fall back to the tracking number, then the id. */
export function compareQueueEntries(sort: QueueSort): (a: QueueEntry, b: QueueEntry) => number {
  const compare = COMPARATORS[sort];
  return (a, b) =>
    compare(a, b) ||
    (a.trackingNumber < b.trackingNumber ? -1 : a.trackingNumber > b.trackingNumber ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function sortQueueEntries(entries: readonly QueueEntry[], sort: QueueSort): QueueEntry[] {
  return [...entries].sort(compareQueueEntries(sort));
}
