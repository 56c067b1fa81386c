import { useState } from 'react';
import type { YearWithoutHolidays } from '../../../../shared/deadline/find-years-without-holidays.ts';
import { useTranslation } from '../../i18n/language-context.tsx';
import { CategoriesPanel } from './CategoriesPanel.tsx';
import { HolidaysPanel } from './HolidaysPanel.tsx';
import { OfficersPanel } from './OfficersPanel.tsx';
import { ReportIdentityPanel } from './ReportIdentityPanel.tsx';
import { SlaRulesPanel } from './SlaRulesPanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';
import './admin-pages.css';
import './directory-admin.css';

const SECTIONS = ['units', 'categories', 'holidays', 'sla', 'officers', 'letterhead'] as const;
export type AdministrationSection = (typeof SECTIONS)[number];

/** The Admin Instansi's reference data and officers, one section at a time. */
export function AdministrationPage({
  initialSection = 'units',
  yearsWithoutHolidays = [],
}: {
  initialSection?: AdministrationSection;
  /** Years running deadlines reach with no holiday entered: warned above every section. */
  yearsWithoutHolidays?: readonly YearWithoutHolidays[];
}) {
  const { t } = useTranslation();
  const [section, setSection] = useState<AdministrationSection>(initialSection);
  return (
    <section className="admin-page" aria-labelledby="administration-heading">
      <h2 id="administration-heading" className="visually-hidden">
        {t('admin.heading')}
      </h2>
      <nav className="admin-sections" aria-label={t('admin.sections')}>
        {SECTIONS.map((name) => (
          <button
            key={name}
            type="button"
            className="secondary"
            aria-current={section === name ? 'page' : undefined}
            onClick={() => setSection(name)}
            data-testid={`admin-section-${name}`}
          >
            {t(`admin.section.${name}`)}
          </button>
        ))}
      </nav>
      {yearsWithoutHolidays.length > 0 && (
        <div className="admin-warning" role="alert" data-testid="admin-holiday-years-warning">
          {yearsWithoutHolidays.map((gap) => (
            <p key={gap.year}>
              {t('admin.holidays.missingYear', { year: String(gap.year), count: gap.deadlines })}
            </p>
          ))}
        </div>
      )}
      {section === 'units' && <UnitsPanel />}
      {section === 'categories' && <CategoriesPanel />}
      {section === 'holidays' && (
        // Opened from the warning: the first year without holidays, ready to be filled in.
        <HolidaysPanel
          {...(initialSection === 'holidays' && yearsWithoutHolidays[0]
            ? { initialYear: yearsWithoutHolidays[0].year }
            : {})}
        />
      )}
      {section === 'sla' && <SlaRulesPanel />}
      {section === 'officers' && <OfficersPanel />}
      {section === 'letterhead' && <ReportIdentityPanel />}
    </section>
  );
}
