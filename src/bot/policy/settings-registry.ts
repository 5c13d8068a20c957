/** Every per-server setting (the bot's own, then each lane's), and settings resolved from values or defaults. */
import type { Config } from '../../config/index.ts';
import { allLanes, laneWithRole } from '../../lanes/index.ts';
import type { AnySetting, ResolvedSettings, ServerSetting } from '../../lanes/server-settings.ts';
import { CORE_SETTINGS, lanesSetting } from './core-settings.ts';

export function allSettings(): readonly AnySetting[] {
  return [...CORE_SETTINGS, ...allLanes().flatMap((lane) => lane.discord?.settings ?? [])];
}

/** Settings from resolved values (every key has one: its default at least). */
export function resolved(values: ReadonlyMap<string, unknown>): ResolvedSettings {
  const laneEnabled = (lane: string) => (values.get(lanesSetting.key) as readonly string[]).includes(lane);
  return {
    get: <T>(setting: ServerSetting<T>) => values.get(setting.key) as T,
    laneEnabled,
    roleEnabled: (role) => {
      const lane = laneWithRole(role);
      return lane !== undefined && laneEnabled(lane.name);
    },
    entries: () => [...values],
  };
}

/** The settings before anyone changed them (the local chat, DMs). */
export function defaultSettings(config: Config): ResolvedSettings {
  return resolved(new Map(allSettings().map((setting) => [setting.key, setting.defaultValue(config)])));
}
