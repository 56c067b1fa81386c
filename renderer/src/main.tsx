import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider } from './i18n/language-context.tsx';
import { App } from './app/App.tsx';
import { registerServiceWorker } from './app/register-service-worker.ts';
import { applyTheme, loadThemeChoice } from './ui/theme.ts';
import './styles.css';
import { installZodErrorMap } from './i18n/zod-error-map.ts';

installZodErrorMap();
applyTheme(loadThemeChoice());
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <App />
    </LanguageProvider>
  </StrictMode>,
);

registerServiceWorker();
