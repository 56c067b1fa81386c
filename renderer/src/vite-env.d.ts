/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_LAPOR_SERVER_URL?: string;
  readonly VITE_APP_VERSION?: string;
}
