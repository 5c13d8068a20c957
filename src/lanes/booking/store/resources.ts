/** A server's booking setup in Redis: its settings, its resources and the panels posted for them. */
import type { Redis } from 'ioredis';
import { type GuildSettings, guildSettingsSchema, type Panel, panelSchema, type Resource, resourceSchema } from '../model.ts';
import { guildKeys, resourceGuildKey } from './keys.ts';

/** A server's resources are listed in one select menu or autocomplete, which Discord caps at 25 entries. */
export const MAX_RESOURCES_PER_GUILD = 25;

/** Resource names are matched without case or width differences ("Ｔａｂｌｅ" = "table"). */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

export class ResourceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly defaults: GuildSettings,
  ) {}

  async settings(guildId: string): Promise<GuildSettings> {
    const raw = await this.redis.get(guildKeys(this.prefix, guildId).settings);
    return raw === null ? this.defaults : guildSettingsSchema.parse({ ...this.defaults, ...JSON.parse(raw) });
  }

  async saveSettings(guildId: string, settings: GuildSettings): Promise<void> {
    await this.redis.set(guildKeys(this.prefix, guildId).settings, JSON.stringify(guildSettingsSchema.parse(settings)));
  }

  /** The zone a resource's hours are in: its own, else the server's. */
  async timeZoneOf(resource: Resource): Promise<string> {
    return resource.timeZone ?? (await this.settings(resource.guildId)).timeZone;
  }

  async list(guildId: string): Promise<Resource[]> {
    const all = await this.redis.hvals(guildKeys(this.prefix, guildId).resources);
    return all.map((json) => resourceSchema.parse(JSON.parse(json))).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(guildId: string, resourceId: string): Promise<Resource | undefined> {
    const raw = await this.redis.hget(guildKeys(this.prefix, guildId).resources, resourceId);
    return raw === null ? undefined : resourceSchema.parse(JSON.parse(raw));
  }

  async byName(guildId: string, name: string): Promise<Resource | undefined> {
    const wanted = nameKey(name);
    return (await this.list(guildId)).find((r) => nameKey(r.name) === wanted);
  }

  /**
   * Creates or replaces a resource. Returns `name_taken` when another resource has the name, `too_many` past the
   * per-server limit.
   */
  async save(resource: Resource): Promise<'ok' | 'name_taken' | 'too_many'> {
    const valid = resourceSchema.parse(resource);
    const others = (await this.list(valid.guildId)).filter((r) => r.id !== valid.id);
    if (others.some((r) => nameKey(r.name) === nameKey(valid.name))) return 'name_taken';
    if (others.length >= MAX_RESOURCES_PER_GUILD) return 'too_many';
    await this.redis
      .multi()
      .hset(guildKeys(this.prefix, valid.guildId).resources, valid.id, JSON.stringify(valid))
      .hset(resourceGuildKey(this.prefix), valid.id, valid.guildId)
      .exec();
    return 'ok';
  }

  async remove(guildId: string, resourceId: string): Promise<void> {
    const keys = guildKeys(this.prefix, guildId);
    const panels = (await this.panels(guildId)).filter((p) => p.resourceId === resourceId);
    await this.redis
      .multi()
      .hdel(keys.resources, resourceId)
      .hdel(resourceGuildKey(this.prefix), resourceId)
      .hdel(keys.panels, ...(panels.length ? panels.map((p) => p.id) : ['-']))
      .exec();
  }

  /** Every resource of every server, as [resource id, server id]. */
  async allResources(): Promise<[string, string][]> {
    return Object.entries(await this.redis.hgetall(resourceGuildKey(this.prefix)));
  }

  /** The server a resource belongs to. */
  async guildOf(resourceId: string): Promise<string | undefined> {
    return (await this.redis.hget(resourceGuildKey(this.prefix), resourceId)) ?? undefined;
  }

  async panels(guildId: string): Promise<Panel[]> {
    const all = await this.redis.hvals(guildKeys(this.prefix, guildId).panels);
    return all.map((json) => panelSchema.parse(JSON.parse(json)));
  }

  async savePanel(panel: Panel): Promise<void> {
    await this.redis.hset(guildKeys(this.prefix, panel.guildId).panels, panel.id, JSON.stringify(panelSchema.parse(panel)));
  }

  async removePanel(guildId: string, panelId: string): Promise<void> {
    await this.redis.hdel(guildKeys(this.prefix, guildId).panels, panelId);
  }
}
