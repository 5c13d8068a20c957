/** Configuration: one schema (`schema.ts`), one loader (`load.ts`), a frozen result. */
export { configSchema, type Config } from './schema.ts';
export type { LaneConfig } from '../lanes/tunables.ts';
export { ConfigError, loadConfig, PROJECT_ROOT, type LoadOptions } from './load.ts';
