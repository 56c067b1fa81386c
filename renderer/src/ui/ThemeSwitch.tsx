import { useState } from 'react';
import { loadThemeChoice, saveThemeChoice, THEME_CHOICES, type ThemeChoice } from './theme.ts';
import { useTranslation } from '../i18n/language-context.tsx';

/** Light, dark or as the system says; kept on this device. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<ThemeChoice>(loadThemeChoice);
  return (
    <label className="theme-switch">
      {t('theme.label')}{' '}
      <select
        value={choice}
        data-testid="theme-switch"
        onChange={(event) => {
          const next = event.target.value as ThemeChoice;
          saveThemeChoice(next);
          setChoice(next);
        }}
      >
        {THEME_CHOICES.map((option) => (
          <option key={option} value={option}>
            {t(`theme.${option}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
