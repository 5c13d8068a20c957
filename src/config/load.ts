/**
 * The one config loader: `config/default.yaml`, then a bundled profile (`KOTODAMA_PROFILE`), then the
 * user's file (`KOTODAMA_CONFIG`), then environment variables. The result is validated once and frozen.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PROJECT_ROOT } from '../core/paths.ts';
import { allLanes } from '../lanes/index.ts';
import { httpEnvOverrides } from '../ops/config.ts';
import { configSchema, type Config } from './schema.ts';
import { layoutProblems } from './workers.ts';

export { PROJECT_ROOT } from '../core/paths.ts';

/** Paths in the config whose values are secrets: never echoed in errors or logs. */
const SECRET_PATHS = new Set(['discord.token']);

/** A configuration that cannot start the app; the message lists every bad key. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

type Env = Readonly<Record<string, string | undefined>>;
type Tree = Record<string, unknown>;

export interface LoadOptions {
  env?: Env;
  root?: string;
  /** Applied last, after the environment (tests use this). */
  overrides?: Tree;
}

export function loadConfig(options: LoadOptions = {}): Config {
  const env = options.env ?? process.env;
  const root = options.root ?? PROJECT_ROOT;
  let tree = readYaml(path.join(root, 'config/default.yaml'));
  const profile = env.KOTODAMA_PROFILE?.trim();
  if (profile) {
    if (!/^[\w-]+$/u.test(profile)) throw new ConfigError(`KOTODAMA_PROFILE must be a profile name, got "${profile}"`);
    const file = path.join(root, 'config', `${profile}.yaml`);
    if (!existsSync(file)) throw new ConfigError(`KOTODAMA_PROFILE=${profile}: there is no config/${profile}.yaml`);
    tree = merge(tree, readYaml(file));
  }
  const userFile = env.KOTODAMA_CONFIG?.trim();
  if (userFile) tree = merge(tree, readYaml(path.resolve(root, userFile)));
  tree = merge(tree, fromEnv(env));
  tree = merge(tree, httpEnvOverrides(env));
  if (options.overrides) tree = merge(tree, options.overrides);

  const parsed = configSchema.safeParse(tree);
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, tree));
  const config = parsed.data;
  config.models.dir = path.resolve(root, config.models.dir);
  const contradictions = crossCheck(config);
  if (contradictions.length) throw new ConfigError(formatProblems(contradictions.map((problem) => `  - ${problem}`)));
  return deepFreeze(config);
}

/**
 * Limits that are each valid but contradict each other (a chat answer longer than the model's whole context, a
 * window the lane timeout cannot finish): start-up stops with the same one-message list as other config errors.
 */
function crossCheck(config: Config): string[] {
  const problems: string[] = [...layoutProblems(config.workers)];
  for (const lane of allLanes()) {
    const tunables = config.lanes[lane.name as keyof Config['lanes']];
    if (tunables.enabled && lane.models(config).some((spec) => !spec.model))
      problems.push(`lanes.${lane.name}.model: the lane needs a model`);
    problems.push(...(lane.checks?.(config) ?? []));
  }
  return problems;
}

function fromEnv(env: Env): Tree {
  const tree: Tree = {};
  const set = (keys: string, value: unknown) => {
    const parts = keys.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts.at(-1) as string] = value;
  };
  const nonEmpty = (name: string) => (env[name]?.trim() ? env[name].trim() : undefined);
  const redisUrl = nonEmpty('REDIS_URL');
  if (redisUrl) set('redis.url', redisUrl);
  const prefix = nonEmpty('KOTODAMA_REDIS_PREFIX');
  if (prefix) set('redis.prefix', prefix);
  const modelsDir = nonEmpty('MODELS_DIR');
  if (modelsDir) set('models.dir', modelsDir);
  const offline = nonEmpty('KOTODAMA_OFFLINE');
  if (offline) set('models.allowRemote', !['1', 'true', 'yes'].includes(offline.toLowerCase()));
  const hub = nonEmpty('HF_ENDPOINT');
  if (hub) set('models.remoteHost', hub.endsWith('/') ? hub : `${hub}/`);
  const level = nonEmpty('LOG_LEVEL');
  if (level) set('log.level', level);
  const hosts = nonEmpty('DISCORD_ATTACHMENT_HOSTS');
  if (hosts)
    set(
      'attachments.hosts',
      hosts
        .split(',')
        .map((host) => host.trim())
        .filter(Boolean),
    );
  const apiUrl = nonEmpty('DISCORD_API_URL');
  if (apiUrl) set('discord.apiUrl', apiUrl);
  const guildId = nonEmpty('DISCORD_GUILD_ID');
  if (guildId) set('discord.guildId', guildId);
  set('discord.token', nonEmpty('DISCORD_TOKEN'));
  return tree;
}

function readYaml(file: string): Tree {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError(`Cannot read config file ${file}`);
  }
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new ConfigError(`Config file ${file} is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (value === null || value === undefined) return {};
  if (!isTree(value)) throw new ConfigError(`Config file ${file} must hold a mapping of keys`);
  return value;
}

function formatIssues(issues: readonly z.core.$ZodIssue[], tree: Tree): string {
  const lines = issues.map((issue) => {
    const key = issue.path.join('.') || '(root)';
    const got = SECRET_PATHS.has(key) ? '' : describeValue(valueAt(tree, issue.path));
    const message = issue.code === 'unrecognized_keys' ? `unknown key(s) ${issue.keys.join(', ')}` : issue.message;
    return `  - ${key}: ${message}${got}`;
  });
  return formatProblems(lines);
}

function formatProblems(lines: readonly string[]): string {
  return `Invalid configuration (${lines.length} problem${lines.length === 1 ? '' : 's'}):\n${lines.join('\n')}`;
}

function valueAt(tree: unknown, keys: readonly PropertyKey[]): unknown {
  let node = tree;
  for (const key of keys) node = isTree(node) ? node[String(key)] : undefined;
  return node;
}

function describeValue(value: unknown): string {
  if (value === undefined || isTree(value)) return '';
  const text = JSON.stringify(value);
  return ` (got ${text.length > 60 ? `${text.slice(0, 57)}...` : text})`;
}

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge where `over` wins; arrays and scalars are replaced, mappings merged. */
export function merge(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? merge(current, value) : value;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
