/**
 * Per-server FAQs from the command line (the same store `/faq` uses; changes apply at once in running workers):
 *
 *   npm run faq -- import <file.yaml|json|csv> --guild <id> [--replace]
 *   npm run faq -- export --guild <id> [--format yaml|json|csv] [--out <file>]
 *   npm run faq -- list [--guild <id>]
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../../config/index.ts';
import { OperatorError } from '../../../core/errors.ts';
import { assertRedisReachable, createRedis } from '../../../core/redis.ts';
import { runMain } from '../../../core/run-main.ts';
import { exportFaq, FAQ_FORMATS, formatFromName, parseFaqDocument, type FaqFormat } from '../index.ts';
import { FaqStore, knowledgeSources } from '../index.ts';

const USAGE = [
  'usage: npm run faq -- import <file.yaml|json|csv> --guild <id> [--replace]',
  '       npm run faq -- export --guild <id> [--format yaml|json|csv] [--out <file>]',
  '       npm run faq -- list [--guild <id>]',
].join('\n');

runMain(async () => {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        guild: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        replace: { type: 'boolean', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new OperatorError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, file] = positionals;
  const guild = values.guild;
  if (guild !== undefined && !/^\d{17,20}$/u.test(guild))
    throw new OperatorError(`--guild must be a server id (17-20 digits), not "${guild}"`);
  const needGuild = (): string => guild ?? fail(`${command} needs --guild <server id>`);
  if (command !== 'import' && command !== 'export' && command !== 'list') fail(command ? `unknown command "${command}"` : 'no command');

  const config = loadConfig();
  await assertRedisReachable(config.redis);
  // Reachability was just checked; a worker connection queues commands until it is connected instead of failing them.
  const redis = createRedis(config.redis, 'worker');
  const store = new FaqStore(redis, config.redis.prefix, knowledgeSources(config, undefined).defaults);
  const out = (text: string) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  try {
    if (command === 'import') {
      if (!file) fail('import needs a file');
      const text = await readFile(file).catch((error: NodeJS.ErrnoException) =>
        fail(`cannot read ${file}: ${error.code ?? error.message}`),
      );
      const entries = parseFaqDocument(text, formatFromName(file), file);
      const { added, replaced } = await store.import(needGuild(), entries, values.replace ? 'replace' : 'merge');
      out(
        `imported ${entries.length} entries into server ${needGuild()}: ${added} new, ${replaced} replaced${values.replace ? ' (the FAQ file entries are now off for this server)' : ''}`,
      );
    } else if (command === 'export') {
      const format = (values.format ?? (values.out ? formatFromName(values.out) : 'yaml')) as FaqFormat;
      if (!FAQ_FORMATS.includes(format)) fail(`--format must be one of ${FAQ_FORMATS.join(', ')}`);
      const text = exportFaq((await store.snapshot(needGuild())).entries, format);
      if (values.out) await writeFile(values.out, text);
      else out(text);
    } else if (guild) {
      const faq = await store.snapshot(guild);
      for (const entry of faq.entries)
        out(`${entry.id}\t${faq.sources.get(entry.id)}\t${entry.questions.length} question(s)\t${entry.questions[0] ?? ''}`);
      out(`${faq.entries.length} entries (version ${faq.version}, threshold ${faq.threshold ?? `${config.faq.threshold} (default)`})`);
    } else {
      const guilds = await store.guilds();
      for (const id of guilds) out(`${id}\t${(await store.snapshot(id)).entries.length} entries`);
      if (!guilds.length) out('no server has its own FAQ yet (every server uses the FAQ file)');
    }
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
});

function fail(message: string): never {
  throw new OperatorError(`${message}\n${USAGE}`);
}
