/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/client" />

interface ImportMetaEnv {
  readonly VITE_LAPOR_SERVER_URL?: string;
  readonly VITE_APP_VERSION?: string;
}
