/**
 * The configuration contract: the core keys below, plus, derived from the lane list, every lane's `lanes.<name>`
 * block (its tunables) and its own top-level block (`faq:`, `translate:`, …). Lane keys carry their defaults in
 * the lane's folder, so a config file without a lane's block runs it with them; an unknown lane is an error.
 * `config/default.yaml` shows the defaults worth reading (a test keeps it equal to the lanes' own defaults).
 */
import { z } from 'zod';
import { LANES, LANE_NAMES } from '../lanes/index.ts';
import { tunablesSchema } from '../lanes/tunables.ts';
import { httpConfigSchema, watchdogConfigSchema } from '../ops/config.ts';
import { workersConfigSchema } from './workers.ts';

const positiveInt = z.number().int().positive();

const snowflake = z.string().regex(/^\d{17,20}$/u, 'a Discord id (17-20 digits)');

type LaneList = (typeof LANES)[number];
type TunablesShape = { [L in LaneList as L['name']]: ReturnType<typeof tunablesSchema> };
type SettingsShape = { [L in LaneList as L['name']]: L['settings'] };

const tunablesShape = Object.fromEntries(LANES.map((lane) => [lane.name, tunablesSchema(lane.tunables)])) as TunablesShape;
const settingsShape = Object.fromEntries(LANES.map((lane) => [lane.name, lane.settings])) as SettingsShape;

export const coreConfigShape = {
  redis: z.strictObject({
    url: z.string().regex(/^rediss?:\/\//u, 'must start with redis:// or rediss://'),
    prefix: z.string().regex(/^[\w-]+$/u, 'letters, digits, "-" and "_" only'),
  }),
  models: z.strictObject({
    dir: z.string().min(1),
    allowRemote: z.boolean(),
    /** ONNX intra-op threads per session; 0 = onnxruntime decides (one per core). @defaultValue 1 */
    threads: z.number().int().min(0).max(64),
    /**
     * Whether onnxruntime's threads busy-wait between operations. Off by default: with one worker process per lane
     * on few cores, spinning threads take the cores the other lanes need (measured 2x the CPU per run).
     * @defaultValue false
     */
    spinning: z.boolean(),
    /** Where models are downloaded from: the Hugging Face Hub or a mirror of it. */
    remoteHost: z.url({ protocol: /^https?$/u }),
  }),
  workers: workersConfigSchema,
  queue: z.strictObject({
    keepCompleted: positiveInt,
    keepCompletedAgeSec: positiveInt,
    keepFailed: positiveInt,
    keepFailedAgeSec: positiveInt,
    backoffMs: positiveInt,
  }),
  limits: z.strictObject({
    maxTextChars: positiveInt.max(100_000),
    audio: z.strictObject({ maxBytes: positiveInt, maxDurationSec: positiveInt }),
  }),
  attachments: z.strictObject({
    hosts: z.array(z.string().regex(/^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/u, 'use host or host:port')).min(1),
  }),
  /** `/healthz`, `/readyz`, `/metrics` (and the bot's queue dashboard) on this port; 0 = off. */
  http: httpConfigSchema,
  /** When a worker reports not ready: no progress on waiting jobs, or a blocked event loop. */
  watchdog: watchdogConfigSchema,
  log: z.strictObject({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) }),
  discord: z.strictObject({
    /** Secret: only from the DISCORD_TOKEN environment variable. */
    token: z.string().optional(),
    apiUrl: z.url({ protocol: /^https?$/u }),
    /** Register slash commands at start-up (globally, or in this server only: instant). */
    registerCommands: z.boolean(),
    guildId: snowflake.optional(),
    rateLimit: z.strictObject({ userPerMinute: positiveInt, guildPerMinute: positiveInt }),
    access: z.strictObject({
      allowChannels: z.array(snowflake),
      denyChannels: z.array(snowflake),
      allowRoles: z.array(snowflake),
      denyRoles: z.array(snowflake),
    }),
    /** Per-server settings before an admin changes them (lanes add their own in their config blocks). */
    defaults: z.strictObject({
      lanes: z.array(z.enum(LANE_NAMES as [string, ...string[]])),
      /** How questions asked the natural way are answered: `faq-then-chat`, `faq-only` or `chat-only`. */
      answerMode: z.enum(['faq-then-chat', 'faq-only', 'chat-only']),
    }),
  }),
};

export const configSchema = z.strictObject({
  ...coreConfigShape,
  lanes: z.strictObject(tunablesShape),
  ...settingsShape,
});

export type Config = z.output<typeof configSchema>;
