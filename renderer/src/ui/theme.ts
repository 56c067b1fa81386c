/** The officer's choice of colours on this device; `system` follows the OS setting. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const STORAGE_KEY = 'lapor.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function loadThemeChoice(): ThemeChoice {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return THEME_CHOICES.find((choice) => choice === stored) ?? 'system';
}

let stopFollowingSystem: (() => void) | null = null;

/**
 * Sets `data-theme` (light or dark) on the document, which the stylesheet keys its colours
 * on; with `system` it follows the OS setting as it changes.
 */
export function applyTheme(choice: ThemeChoice): void {
  stopFollowingSystem?.();
  stopFollowingSystem = null;
  const root = document.documentElement;
  if (choice !== 'system') {
    root.dataset.theme = choice;
    return;
  }
  const query = window.matchMedia(DARK_QUERY);
  const follow = () => {
    root.dataset.theme = query.matches ? 'dark' : 'light';
  };
  follow();
  query.addEventListener('change', follow);
  stopFollowingSystem = () => query.removeEventListener('change', follow);
}

export function saveThemeChoice(choice: ThemeChoice): void {
  localStorage.setItem(STORAGE_KEY, choice);
  applyTheme(choice);
}
