import { useId } from 'react';
import {
  CHANNELS,
  COMPLAINT_STATUSES,
  COMPLAINT_TYPES,
  PRIORITIES,
} from '../../../../shared/domain/complaint-status.ts';
import type { FacetCounts } from '../../../../shared/queue/filter-queue.ts';
import {
  ACTIVE_STATUSES,
  ANY_ID,
  DEFAULT_QUEUE_CRITERIA,
  QUEUE_SORTS,
  type QueueCriteria,
  type QueueFacet,
} from '../../../../shared/queue/queue-criteria.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { FacetSelect, type FacetOption } from './FacetSelect.tsx';
import type { Directory } from '../../session/use-directory.ts';

type QueueFiltersProps = {
  criteria: QueueCriteria;
  counts: FacetCounts | null;
  directory: Directory;
  onChange: (criteria: QueueCriteria) => void;
};

/** Every facet of the queue with the number each choice would show, plus dates and order. */
export function QueueFilters({ criteria, counts, directory, onChange }: QueueFiltersProps) {
  const { t } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const sortId = useId();
  const countOf = (facet: QueueFacet, value: string) =>
    counts ? (counts[facet].get(value) ?? 0) : null;
  const anyOf = (facet: QueueFacet, label: string = t('queue.filter.any')): FacetOption => ({
    value: facet === 'unitId' || facet === 'categoryId' ? ANY_ID : 'any',
    label,
    count: counts ? counts.totals[facet] : null,
  });
  const set = <K extends keyof QueueCriteria>(key: K, value: QueueCriteria[K]) =>
    onChange({ ...criteria, [key]: value });
  // Facets with a fixed list of choices besides "any".
  const choiceFacets = [
    {
      facet: 'type',
      options: COMPLAINT_TYPES.map((value) => ({ value, label: t(`type.${value}`) })),
    },
    {
      facet: 'channel',
      options: CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) })),
    },
    {
      facet: 'priority',
      options: PRIORITIES.map((value) => ({ value, label: t(`priority.${value}`) })),
    },
    {
      facet: 'deadline',
      options: (['overdue', 'due_this_week', 'no_clock'] as const).map((value) => ({
        value,
        label: t(`queue.deadline.${value}`),
      })),
    },
    {
      facet: 'privacy',
      options: (['rahasia', 'anonim', 'terbuka'] as const).map((value) => ({
        value,
        label: t(`queue.privacy.${value}`),
      })),
    },
  ] as const;
  const rangeInvalid =
    criteria.receivedFrom !== '' &&
    criteria.receivedTo !== '' &&
    criteria.receivedFrom > criteria.receivedTo;
  const activeCount = counts
    ? ACTIVE_STATUSES.reduce((sum, status) => sum + (counts.status.get(status) ?? 0), 0)
    : null;

  return (
    <div className="queue-filters" role="group" aria-label={t('queue.filter.group')}>
      <FacetSelect
        label={t('queue.filter.status')}
        value={criteria.status}
        testId="filter-status"
        options={[
          { value: 'active', label: t('queue.filter.active'), count: activeCount },
          { value: 'all', label: t('queue.filter.all'), count: counts?.totals.status ?? null },
          ...COMPLAINT_STATUSES.map((status) => ({
            value: status,
            label: t(`status.${status}`),
            count: countOf('status', status),
          })),
        ]}
        onChange={(value) => set('status', value as QueueCriteria['status'])}
      />
      <FacetSelect
        label={t('queue.filter.unit')}
        value={criteria.unitId}
        testId="filter-unit"
        options={[
          anyOf('unitId'),
          { value: '', label: t('queue.unassigned'), count: countOf('unitId', '') },
          ...[...directory.units.values()]
            .sort((a, b) => a.shortName.localeCompare(b.shortName, 'id'))
            .map((unit) => ({
              value: unit.id,
              label: unit.shortName,
              count: countOf('unitId', unit.id),
            })),
        ]}
        onChange={(value) => set('unitId', value)}
      />
      <FacetSelect
        label={t('queue.filter.category')}
        value={criteria.categoryId}
        testId="filter-category"
        options={[
          anyOf('categoryId'),
          ...directory.categoryList.map((category) => ({
            value: category.id,
            label: category.name,
            count: countOf('categoryId', category.id),
          })),
        ]}
        onChange={(value) => set('categoryId', value)}
      />
      {choiceFacets.map(({ facet, options }) => (
        <FacetSelect
          key={facet}
          label={t(`queue.filter.${facet}`)}
          value={criteria[facet]}
          testId={`filter-${facet}`}
          options={[
            anyOf(facet),
            ...options.map((option) => ({ ...option, count: countOf(facet, option.value) })),
          ]}
          onChange={(value) => onChange({ ...criteria, [facet]: value })}
        />
      ))}
      <div className="facet">
        <label htmlFor={fromId}>{t('queue.filter.receivedFrom')}</label>
        <input
          id={fromId}
          type="date"
          value={criteria.receivedFrom}
          max={criteria.receivedTo || undefined}
          onChange={(event) => set('receivedFrom', event.target.value)}
          data-testid="filter-from"
        />
      </div>
      <div className="facet">
        <label htmlFor={toId}>{t('queue.filter.receivedTo')}</label>
        <input
          id={toId}
          type="date"
          value={criteria.receivedTo}
          min={criteria.receivedFrom || undefined}
          onChange={(event) => set('receivedTo', event.target.value)}
          aria-invalid={rangeInvalid}
          aria-describedby={rangeInvalid ? `${toId}-error` : undefined}
          data-testid="filter-to"
        />
      </div>
      <div className="facet">
        <label htmlFor={sortId}>{t('queue.sort.label')}</label>
        <select
          id={sortId}
          value={criteria.sort}
          onChange={(event) => set('sort', event.target.value as QueueCriteria['sort'])}
          data-testid="queue-sort"
        >
          {QUEUE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`queue.sort.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="secondary"
        onClick={() => onChange({ ...DEFAULT_QUEUE_CRITERIA, query: '' })}
      >
        {t('queue.filter.reset')}
      </button>
      {rangeInvalid && (
        <p id={`${toId}-error`} className="form-error" role="alert">
          {t('queue.filter.rangeInvalid')}
        </p>
      )}
    </div>
  );
}
