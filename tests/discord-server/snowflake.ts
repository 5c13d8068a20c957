/** Discord snowflakes and timestamps, in the formats the real API uses. */

/** 2015-01-01T00:00:00Z, the Discord epoch. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let lastMs = 0n;
let increment = 0n;

/** A fresh snowflake: 42 bits of ms since the Discord epoch, worker 1, process 0, a 12-bit increment. */
export function snowflake(at: number = Date.now()): string {
  let ms = BigInt(at) - DISCORD_EPOCH;
  if (ms <= lastMs) ms = lastMs;
  if (ms === lastMs) {
    increment = (increment + 1n) & 0xfffn;
    if (increment === 0n) ms += 1n;
  } else {
    increment = 0n;
  }
  lastMs = ms;
  return ((ms << 22n) | (1n << 17n) | increment).toString();
}

/** ISO 8601 with microseconds and an explicit offset, like Discord: `2024-05-01T12:00:00.123000+00:00`. */
export function discordTimestamp(at: number = Date.now()): string {
  return new Date(at).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}
