import { useId } from 'react';
import { useTranslation } from '../../i18n/language-context.tsx';
import { formatNumber } from '../../i18n/translate.ts';

export type FacetOption = { value: string; label: string; count: number | null };

type FacetSelectProps = {
  label: string;
  value: string;
  options: readonly FacetOption[];
  onChange: (value: string) => void;
  testId: string;
};

/** A filter choice whose options say how many complaints each would show. */
export function FacetSelect({ label, value, options, onChange, testId }: FacetSelectProps) {
  const { language } = useTranslation();
  const id = useId();
  return (
    <div className="facet">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={testId}
        className={options[0]?.value === value ? '' : 'is-narrowing'}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.count === null
              ? option.label
              : `${option.label} (${formatNumber(language, option.count)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
