/** The `/ask` and `/faq` slash command definitions, in English and Japanese (Manage Server only for `/faq`). */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { described } from '../../../bot/discord/kit.ts';
import { FAQ_FORMATS } from '../formats.ts';
import { faqMessages as m } from '../messages.ts';

export function askCommandData() {
  return described(new SlashCommandBuilder().setName('ask').setNameLocalizations({ ja: '質問' }), m.askDescription)
    .addStringOption((o) =>
      described(o.setName('question').setNameLocalizations({ ja: '質問' }), m.askOption)
        .setRequired(true)
        .setMaxLength(1000),
    )
    .toJSON();
}

export function faqCommandData() {
  const command = described(new SlashCommandBuilder().setName('faq').setNameLocalizations({ ja: 'よくある質問' }), m.commandDescription)
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild);
  command.addSubcommand((s) =>
    described(s.setName('import').setNameLocalizations({ ja: '取り込み' }), m.sub.import)
      .addAttachmentOption((o) => described(o.setName('file').setNameLocalizations({ ja: 'ファイル' }), m.opt.file).setRequired(true))
      .addStringOption((o) =>
        described(o.setName('mode').setNameLocalizations({ ja: '方法' }), m.opt.mode).addChoices(
          { name: m.merge.en, name_localizations: { ja: m.merge.ja }, value: 'merge' },
          { name: m.replace.en, name_localizations: { ja: m.replace.ja }, value: 'replace' },
        ),
      ),
  );
  command.addSubcommand((s) =>
    described(s.setName('export').setNameLocalizations({ ja: '書き出し' }), m.sub.export).addStringOption((o) =>
      described(o.setName('format').setNameLocalizations({ ja: '形式' }), m.opt.format).addChoices(
        ...FAQ_FORMATS.map((format) => ({ name: format, name_localizations: { ja: format }, value: format })),
      ),
    ),
  );
  command.addSubcommand((s) =>
    described(s.setName('add').setNameLocalizations({ ja: '追加' }), m.sub.add)
      .addStringOption((o) => described(o.setName('question').setNameLocalizations({ ja: '質問' }), m.opt.question).setRequired(true))
      .addStringOption((o) => described(o.setName('answer').setNameLocalizations({ ja: '回答' }), m.opt.answer).setRequired(true))
      .addStringOption((o) => described(o.setName('id').setNameLocalizations({ ja: 'id' }), m.opt.id))
      .addStringOption((o) => described(o.setName('triggers').setNameLocalizations({ ja: 'トリガー' }), m.opt.triggers)),
  );
  command.addSubcommand((s) =>
    described(s.setName('edit').setNameLocalizations({ ja: '編集' }), m.sub.edit)
      .addStringOption((o) => described(o.setName('id').setNameLocalizations({ ja: 'id' }), m.opt.editId).setRequired(true))
      .addStringOption((o) => described(o.setName('answer').setNameLocalizations({ ja: '回答' }), m.opt.newAnswer))
      .addStringOption((o) => described(o.setName('question').setNameLocalizations({ ja: '質問' }), m.opt.moreQuestions))
      .addStringOption((o) => described(o.setName('triggers').setNameLocalizations({ ja: 'トリガー' }), m.opt.newTriggers)),
  );
  command.addSubcommand((s) =>
    described(s.setName('remove').setNameLocalizations({ ja: '削除' }), m.sub.remove).addStringOption((o) =>
      described(o.setName('id').setNameLocalizations({ ja: 'id' }), m.opt.editId).setRequired(true),
    ),
  );
  command.addSubcommand((s) =>
    described(s.setName('list').setNameLocalizations({ ja: '一覧' }), m.sub.list).addIntegerOption((o) =>
      described(o.setName('page').setNameLocalizations({ ja: 'ページ' }), m.opt.page).setMinValue(1),
    ),
  );
  command.addSubcommand((s) => described(s.setName('status').setNameLocalizations({ ja: '状態' }), m.sub.status));
  command.addSubcommand((s) => described(s.setName('misses').setNameLocalizations({ ja: '未回答' }), m.sub.misses));
  command.addSubcommand((s) =>
    described(s.setName('learn').setNameLocalizations({ ja: '学習' }), m.sub.learn)
      .addStringOption((o) => described(o.setName('miss').setNameLocalizations({ ja: '未回答' }), m.opt.miss).setRequired(true))
      .addStringOption((o) => described(o.setName('entry').setNameLocalizations({ ja: '項目' }), m.opt.learnEntry))
      .addStringOption((o) => described(o.setName('answer').setNameLocalizations({ ja: '回答' }), m.opt.learnAnswer))
      .addStringOption((o) => described(o.setName('id').setNameLocalizations({ ja: 'id' }), m.opt.learnId)),
  );
  command.addSubcommand((s) =>
    described(s.setName('threshold').setNameLocalizations({ ja: 'しきい値' }), m.sub.threshold).addStringOption((o) =>
      described(o.setName('value').setNameLocalizations({ ja: '値' }), m.opt.thresholdValue).setRequired(true),
    ),
  );
  return command.toJSON();
}
