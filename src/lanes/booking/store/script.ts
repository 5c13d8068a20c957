/** Runs a Lua script by its SHA1 (EVALSHA), loading it once with EVAL when Redis does not know it yet. */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';

export interface LuaScript {
  readonly lua: string;
  readonly sha: string;
}

export function luaScript(lua: string): LuaScript {
  return { lua, sha: createHash('sha1').update(lua).digest('hex') };
}

/** Every booking script answers with a list of strings: a status word, then its details. */
const replySchema = z.array(z.string()).min(1);

export async function runScript(
  redis: Redis,
  script: LuaScript,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<string[]> {
  let reply: unknown;
  try {
    reply = await redis.evalsha(script.sha, keys.length, ...keys, ...args);
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes('NOSCRIPT')) throw error;
    reply = await redis.eval(script.lua, keys.length, ...keys, ...args);
  }
  return replySchema.parse(reply);
}
