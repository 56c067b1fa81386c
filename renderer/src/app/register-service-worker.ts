import { registerSW } from 'virtual:pwa-register';

/**
 * In the web build a service worker keeps the workstation shell so it opens without a
 * connection. The desktop app loads its files locally and needs none.
 */
export function registerServiceWorker(): void {
  if (window.workstation || !('serviceWorker' in navigator) || import.meta.env.DEV) return;
  if (location.protocol !== 'https:' && location.protocol !== 'http:') return;
  registerSW({ immediate: true });
}
