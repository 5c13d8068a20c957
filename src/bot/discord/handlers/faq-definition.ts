/** The `/faq` slash command's definition (Manage Server only; registered with the others by commands.ts). */
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';

export function faqCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName('faq')
    .setDescription("Manage this server's FAQ (Manage Server)")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(0);
  command.addSubcommand((s) =>
    s
      .setName('import')
      .setDescription('Import entries from a YAML, JSON or CSV (question,answer[,id]) file')
      .addAttachmentOption((o) => o.setName('file').setDescription('.yaml, .json or .csv').setRequired(true))
      .addStringOption((o) =>
        o
          .setName('mode')
          .setDescription('Add to the FAQ (default) or replace it')
          .addChoices({ name: 'merge', value: 'merge' }, { name: 'replace', value: 'replace' }),
      ),
  );
  command.addSubcommand((s) =>
    s
      .setName('add')
      .setDescription('Add an entry')
      .addStringOption((o) => o.setName('question').setDescription('How people ask it; several separated by |').setRequired(true))
      .addStringOption((o) => o.setName('answer').setDescription('The answer (Discord markdown)').setRequired(true))
      .addStringOption((o) => o.setName('id').setDescription('Entry id (made from the question when empty)'))
      .addStringOption((o) =>
        o.setName('triggers').setDescription('Keywords that always get this answer, comma-separated; =text for exact'),
      ),
  );
  command.addSubcommand((s) =>
    s
      .setName('edit')
      .setDescription('Change an entry')
      .addStringOption((o) => o.setName('id').setDescription('Entry id (see /faq list)').setRequired(true))
      .addStringOption((o) => o.setName('answer').setDescription('New answer'))
      .addStringOption((o) => o.setName('question').setDescription('Another way to ask it (added); several separated by |'))
      .addStringOption((o) => o.setName('triggers').setDescription('New triggers, comma-separated; - removes them')),
  );
  command.addSubcommand((s) =>
    s
      .setName('remove')
      .setDescription('Remove an entry')
      .addStringOption((o) => o.setName('id').setDescription('Entry id').setRequired(true)),
  );
  command.addSubcommand((s) =>
    s
      .setName('list')
      .setDescription('List the entries')
      .addIntegerOption((o) => o.setName('page').setDescription('Page').setMinValue(1)),
  );
  command.addSubcommand((s) => s.setName('status').setDescription('Entries, retrieval mode and threshold'));
  command.addSubcommand((s) => s.setName('misses').setDescription('Questions the FAQ could not answer or got 👎'));
  command.addSubcommand((s) =>
    s
      .setName('learn')
      .setDescription('Turn a missed question into a paraphrase of an entry, or a new entry')
      .addStringOption((o) => o.setName('miss').setDescription('Key from /faq misses').setRequired(true))
      .addStringOption((o) => o.setName('entry').setDescription('Add it as a paraphrase of this entry id'))
      .addStringOption((o) => o.setName('answer').setDescription('Or: the answer of a new entry for it'))
      .addStringOption((o) => o.setName('id').setDescription('Id of the new entry')),
  );
  command.addSubcommand((s) =>
    s
      .setName('threshold')
      .setDescription('Confidence below which the FAQ says it does not know')
      .addStringOption((o) => o.setName('value').setDescription('0 to 1, or reset').setRequired(true)),
  );
  return command;
}
