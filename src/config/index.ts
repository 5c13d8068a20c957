/** Configuration: one schema (`schema.ts`), one loader (`load.ts`), a frozen result. */
export { configSchema, laneConfigSchema, type Config, type LaneConfig } from './schema.ts';
export { ConfigError, loadConfig, PROJECT_ROOT, type LoadOptions } from './load.ts';
