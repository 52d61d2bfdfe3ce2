/** Build-time constants the page scripts read, set in astro.config.mjs. */
interface ImportMetaEnv {
  /** False in a build made with `OFFLINE=off` (scripts/offline/switch.ts): no worker registered. */
  readonly OFFLINE_ENABLED: boolean;
}
