import { listTemplatePlaceholders } from '../../../../shared/templates/render-response-template.ts';
import { useTranslation } from '../../i18n/language-context.tsx';

/** The placeholders a template may use, with what each becomes. */
export function PlaceholderHelp() {
  const { t } = useTranslation();
  const placeholders = listTemplatePlaceholders();
  return (
    <section className="placeholder-help" aria-labelledby="placeholder-help-heading">
      <h3 id="placeholder-help-heading">{t('templates.placeholders.heading')}</h3>
      <p className="form-note">
        {t('templates.placeholders.hint', { example: placeholders[0]?.token ?? '' })}
      </p>
      <dl>
        {placeholders.map((placeholder) => (
          <div key={placeholder.name}>
            <dt>
              <code>{placeholder.token}</code>
            </dt>
            <dd>{t(`templates.placeholder.${placeholder.name}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
