import { useTranslation } from '../i18n/language-context.tsx';
import { LANGUAGES, type Language } from '../i18n/translate.ts';

const LANGUAGE_NAMES: Record<Language, string> = { id: 'Bahasa Indonesia', en: 'English' };

export function LanguageSwitch() {
  const { language, setLanguage, t } = useTranslation();
  return (
    <label className="language-switch">
      {t('language.label')}{' '}
      <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
        {LANGUAGES.map((code) => (
          <option key={code} value={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
