import { useState } from 'react';
import { useTranslation } from '../../i18n/language-context.tsx';
import { CategoriesPanel } from './CategoriesPanel.tsx';
import { HolidaysPanel } from './HolidaysPanel.tsx';
import { OfficersPanel } from './OfficersPanel.tsx';
import { SlaRulesPanel } from './SlaRulesPanel.tsx';
import { UnitsPanel } from './UnitsPanel.tsx';
import './admin-pages.css';
import './directory-admin.css';

const SECTIONS = ['units', 'categories', 'holidays', 'sla', 'officers'] as const;
type Section = (typeof SECTIONS)[number];

/** The Admin Instansi's reference data and officers, one section at a time. */
export function AdministrationPage() {
  const { t } = useTranslation();
  const [section, setSection] = useState<Section>('units');
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
      {section === 'units' && <UnitsPanel />}
      {section === 'categories' && <CategoriesPanel />}
      {section === 'holidays' && <HolidaysPanel />}
      {section === 'sla' && <SlaRulesPanel />}
      {section === 'officers' && <OfficersPanel />}
    </section>
  );
}
