import { useId, useState, type FormEvent } from 'react';
import type { QueueCriteria } from '../../../../shared/queue/queue-criteria.ts';
import { MAX_SAVED_VIEWS } from '../../../../shared/queue/queue-criteria.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { useSavedViews } from './use-saved-views.ts';

type SavedViewsProps = {
  criteria: QueueCriteria;
  activeViewId: string;
  onApply: (viewId: string, criteria: QueueCriteria) => void;
};

/** Named sets of filters the officer keeps on this device and returns to in one step. */
export function SavedViews({ criteria, activeViewId, onApply }: SavedViewsProps) {
  const { t } = useTranslation();
  const { views, save, remove } = useSavedViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [error, setError] = useState('');
  const selectId = useId();
  const nameId = useId();
  const active = views.find((view) => view.id === activeViewId);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') {
      setError(t('views.nameRequired'));
      return;
    }
    try {
      const view = await save(name, criteria);
      onApply(view.id, view.criteria);
      setNaming(false);
      setName('');
      setError('');
    } catch {
      setError(t('views.tooMany', { max: MAX_SAVED_VIEWS }));
    }
  }

  return (
    <div className="saved-views">
      <label htmlFor={selectId}>{t('views.label')}</label>
      <select
        id={selectId}
        value={active ? active.id : ''}
        data-testid="saved-views"
        onChange={(event) => {
          const view = views.find((candidate) => candidate.id === event.target.value);
          if (view) onApply(view.id, view.criteria);
        }}
      >
        <option value="">{views.length === 0 ? t('views.none') : t('views.choose')}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.name}
          </option>
        ))}
      </select>
      {active && (
        <button type="button" className="secondary" onClick={() => void remove(active.id)}>
          {t('views.delete')}
        </button>
      )}
      {naming ? (
        <form className="saved-views-form" onSubmit={(event) => void submit(event)}>
          <label htmlFor={nameId} className="visually-hidden">
            {t('views.name')}
          </label>
          <input
            id={nameId}
            value={name}
            maxLength={60}
            placeholder={t('views.name')}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setNaming(false);
            }}
            aria-invalid={error !== ''}
            // The field appears because the officer asked for it; focus follows the request.
            autoFocus
          />
          <button type="submit">{t('views.save')}</button>
          <button type="button" className="secondary" onClick={() => setNaming(false)}>
            {t('views.cancel')}
          </button>
          {error && (
            <span className="form-error" role="alert">
              {error}
            </span>
          )}
        </form>
      ) : (
        <button type="button" className="secondary" onClick={() => setNaming(true)}>
          {t('views.saveCurrent')}
        </button>
      )}
    </div>
  );
}
