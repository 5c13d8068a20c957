/** What the FAQ lane says, in English and Japanese: answers, "I don't know", feedback and the `/faq` admin command. */
import type { LocalText } from '../../i18n/text.ts';

export const faqMessages = {
  verb: { en: 'searching the FAQ', ja: 'FAQを検索中' },
  answerFooter: (question: string): LocalText => ({ en: `-# FAQ: ${question}`, ja: `-# FAQ: ${question}` }),
  notSure: {
    en: "I'm not sure I know the answer to that. Did you mean one of these?",
    ja: 'その答えはわからないかもしれません。こちらのどれかでしょうか？',
  },
  dontKnow: {
    en: "I don't know the answer to that, and nothing in the FAQ looks close.",
    ja: 'その答えはわかりません。FAQにも近い項目がありません。',
  },
  /** The short acknowledgement of small talk when chat is off: friendly, no FAQ lookup, no miss recorded. */
  smallTalk: {
    thanks: { en: "You're welcome! 😊", ja: 'どういたしまして！😊' },
    greeting: { en: 'Hi! 👋 Ask me anything about this server.', ja: 'こんにちは！👋 このサーバーのことなら何でも聞いてください。' },
    goodbye: { en: 'See you! 👋', ja: 'またね！👋' },
    ack: { en: '👍', ja: '👍' },
  },
  helpful: { en: 'Helpful', ja: '役に立った' },
  notHelpful: { en: 'Not helpful', ja: '役に立たなかった' },
  thanksForFeedback: { en: 'Thanks — noted.', ja: 'ありがとうございます。記録しました。' },
  downvoteRecorded: {
    en: "Thanks — I'll let the server's admins know this answer missed.",
    ja: 'ありがとうございます。この回答が合っていなかったことを管理者に伝えます。',
  },
  entryGone: { en: 'That FAQ entry no longer exists.', ja: 'そのFAQ項目はもうありません。' },
  // The admin command.
  commandDescription: { en: "Manage this server's FAQ (Manage Server)", ja: 'このサーバーのFAQを管理します（サーバー管理権限）' },
  askDescription: { en: "Ask a question; answered from this server's FAQ", ja: '質問します（このサーバーのFAQから回答）' },
  askOption: { en: 'Your question', ja: 'あなたの質問' },
  sub: {
    import: {
      en: 'Import entries from a YAML, JSON or CSV (question,answer[,id]) file',
      ja: 'YAML・JSON・CSV（question,answer[,id]）ファイルから項目を取り込みます',
    },
    export: { en: 'Download the FAQ as a file', ja: 'FAQをファイルとしてダウンロードします' },
    add: { en: 'Add an entry', ja: '項目を追加します' },
    edit: { en: 'Change an entry', ja: '項目を変更します' },
    remove: { en: 'Remove an entry', ja: '項目を削除します' },
    list: { en: 'List the entries', ja: '項目の一覧を表示します' },
    status: { en: 'Entries, retrieval mode and threshold', ja: '項目数・検索方式・しきい値' },
    misses: { en: 'Questions the FAQ could not answer or got 👎', ja: 'FAQが答えられなかった質問と👎がついた回答' },
    learn: {
      en: 'Turn a missed question into a paraphrase of an entry, or a new entry',
      ja: '答えられなかった質問を、既存項目の言い換えか新しい項目にします',
    },
    threshold: { en: 'Confidence below which the FAQ says it does not know', ja: 'これより確信度が低いと「わかりません」と答えるしきい値' },
  },
  opt: {
    file: { en: '.yaml, .json or .csv', ja: '.yaml・.json・.csv ファイル' },
    mode: { en: 'Add to the FAQ (default) or replace it', ja: 'FAQに追加（既定）または置き換え' },
    format: { en: 'File format (yaml, json or csv)', ja: 'ファイル形式（yaml・json・csv）' },
    question: { en: 'How people ask it; several separated by |', ja: '質問の言い方（| で区切って複数可）' },
    answer: { en: 'The answer (Discord markdown)', ja: '回答（Discordのマークダウン）' },
    id: { en: 'Entry id (made from the question when empty)', ja: '項目ID（空欄なら質問から作ります）' },
    triggers: {
      en: 'Keywords that always get this answer, comma-separated; =text for exact',
      ja: '必ずこの回答を返すキーワード（カンマ区切り、完全一致は =テキスト）',
    },
    editId: { en: 'Entry id (see /faq list)', ja: '項目ID（/faq list で確認）' },
    newAnswer: { en: 'New answer', ja: '新しい回答' },
    moreQuestions: { en: 'Another way to ask it (added); several separated by |', ja: '別の聞き方（追加、| で区切って複数可）' },
    newTriggers: { en: 'New triggers, comma-separated; - removes them', ja: '新しいトリガー（カンマ区切り、- で削除）' },
    page: { en: 'Page', ja: 'ページ' },
    miss: { en: 'Key from /faq misses', ja: '/faq misses のキー' },
    learnEntry: { en: 'Add it as a paraphrase of this entry id', ja: 'この項目IDの言い換えとして追加' },
    learnAnswer: { en: 'Or: the answer of a new entry for it', ja: 'または: 新しい項目の回答' },
    learnId: { en: 'Id of the new entry', ja: '新しい項目のID' },
    thresholdValue: { en: '0 to 1, or reset', ja: '0〜1、または reset' },
  },
  merge: { en: 'merge', ja: '追加' },
  replace: { en: 'replace', ja: '置き換え' },
  serverOnly: {
    en: 'The FAQ belongs to a server; use /faq there.',
    ja: 'FAQはサーバーごとのものです。サーバー内で /faq を使ってください。',
  },
  adminOnly: {
    en: 'Only members with the Manage Server permission can manage the FAQ.',
    ja: 'FAQを管理できるのはサーバー管理権限を持つメンバーだけです。',
  },
  imported: (count: number, name: string, added: number, replaced: number, replacedAll: boolean): LocalText => ({
    en: `✅ Imported ${count} entries from ${name}: ${added} new, ${replaced} replaced${replacedAll ? '; the FAQ file entries are off for this server' : ''}.`,
    ja: `✅ ${name} から${count}項目を取り込みました（新規${added}、置き換え${replaced}）${replacedAll ? '。このサーバーではFAQファイルの項目を使いません' : ''}。`,
  }),
  added: (id: string, questions: number): LocalText => ({
    en: `✅ Added \`${id}\` with ${questions} question(s). It answers from the next question on.`,
    ja: `✅ \`${id}\` を追加しました（質問${questions}件）。次の質問から回答に使われます。`,
  }),
  edited: (id: string, questions: number, triggers: string): LocalText => ({
    en: `✅ Updated \`${id}\`: ${questions} question(s)${triggers ? `, triggers ${triggers}` : ''}.`,
    ja: `✅ \`${id}\` を更新しました: 質問${questions}件${triggers ? `、トリガー ${triggers}` : ''}。`,
  }),
  removed: (id: string, question: string): LocalText => ({
    en: `🗑️ Removed \`${id}\` (“${question}”).`,
    ja: `🗑️ \`${id}\`（「${question}」）を削除しました。`,
  }),
  thresholdOutOfRange: (fallback: number): LocalText => ({
    en: `The threshold is a number from 0 to 1 (now ${fallback} by default), or "reset".`,
    ja: `しきい値は0〜1の数値（既定は${fallback}）か reset です。`,
  }),
  thresholdReset: (fallback: number): LocalText => ({
    en: `✅ The threshold is back to the default ${fallback}.`,
    ja: `✅ しきい値を既定の${fallback}に戻しました。`,
  }),
  thresholdSet: (value: number): LocalText => ({
    en: `✅ The FAQ now answers only at confidence ${value} or more; below it says it does not know.`,
    ja: `✅ FAQは確信度${value}以上のときだけ回答し、それ未満では「わかりません」と答えます。`,
  }),
  unknownSub: (sub: string): LocalText => ({ en: `I don't know /faq ${sub}.`, ja: `/faq ${sub} というコマンドはありません。` }),
  fileTooLarge: (kib: number, max: number): LocalText => ({
    en: `That file is ${kib} KiB; an FAQ file can be at most ${max} KiB.`,
    ja: `このファイルは${kib} KiBあります。FAQファイルは${max} KiBまでです。`,
  }),
  exportReady: (count: number, format: string): LocalText => ({
    en: `📄 The FAQ (${count} entries) as ${format.toUpperCase()}.`,
    ja: `📄 FAQ（${count}項目）の${format.toUpperCase()}ファイルです。`,
  }),
  fileProblem: (details: string): LocalText => ({ en: `${details}`, ja: `FAQファイルに問題があります: ${details}` }),
  idTaken: (id: string): LocalText => ({
    en: `An entry with id "${id}" already exists; use /faq edit to change it.`,
    ja: `ID「${id}」の項目はすでにあります。変更するには /faq edit を使ってください。`,
  }),
  full: (max: number): LocalText => ({
    en: `This FAQ already has ${max} entries, the most one server can have.`,
    ja: `このFAQにはすでに上限の${max}項目があります。`,
  }),
  noEntry: (id: string): LocalText => ({
    en: `There is no entry "${id}"; /faq list shows the ids.`,
    ja: `項目「${id}」はありません。IDは /faq list で確認できます。`,
  }),
  tooMany: (total: number, max: number): LocalText => ({
    en: `That would make ${total} entries; one server can have at most ${max}.`,
    ja: `合計${total}項目になってしまいます。1つのサーバーで使えるのは${max}項目までです。`,
  }),
  invalidEntry: (problems: string): LocalText => ({
    en: `That entry is not valid: ${problems}.`,
    ja: `その項目は正しくありません: ${problems}`,
  }),
  nothingToChange: {
    en: 'Give a new answer, another question, or triggers to change.',
    ja: '新しい回答、別の質問、またはトリガーを指定してください。',
  },
  noMiss: (key: string): LocalText => ({
    en: `There is no missed question "${key}" (any more); /faq misses lists them.`,
    ja: `「${key}」という未回答の質問は（もう）ありません。/faq misses で一覧を確認できます。`,
  }),
  learnedParaphrase: (question: string, id: string, count: number): LocalText => ({
    en: `Added “${question}” to \`${id}\` (${count} questions now).`,
    ja: `「${question}」を \`${id}\` に追加しました（質問は${count}件になりました）。`,
  }),
  learnedEntry: (id: string, question: string): LocalText => ({
    en: `New entry \`${id}\` answers “${question}”.`,
    ja: `新しい項目 \`${id}\` が「${question}」に答えます。`,
  }),
  learnWhere: {
    en: 'Say where it goes: entry:<id> to add it as a paraphrase, or answer:<text> for a new entry.',
    ja: '追加先を指定してください: 言い換えにするなら entry:<ID>、新しい項目にするなら answer:<回答>。',
  },
  // Views.
  listHeader: (count: number, page: number, pages: number): LocalText => ({
    en: `**FAQ** — ${count} entries, page ${page}/${pages}`,
    ja: `**FAQ** — ${count}項目、${page}/${pages}ページ`,
  }),
  fromFile: { en: ' · *from the FAQ file*', ja: ' · *FAQファイルから*' },
  triggersLabel: { en: 'triggers', ja: 'トリガー' },
  emptyFaq: {
    en: 'This server has no FAQ entries. Add one with `/faq add` or `/faq import`.',
    ja: 'このサーバーにはFAQ項目がありません。`/faq add` か `/faq import` で追加してください。',
  },
  previous: { en: '◀ Previous', ja: '◀ 前へ' },
  next: { en: 'Next ▶', ja: '次へ ▶' },
  statusEntries: (total: number, fromFile: number, own: number, defaultsOn: boolean, version: number): LocalText => ({
    en: `**Entries**: ${total} (${fromFile} from the FAQ file, ${own} added here${defaultsOn ? '' : '; FAQ file entries are off'}) · version ${version}`,
    ja: `**項目**: ${total}（FAQファイルから${fromFile}、ここで追加${own}${defaultsOn ? '' : '、FAQファイルの項目は無効'}）· バージョン ${version}`,
  }),
  statusRetrieval: (mode: string, reason: string, at: string): LocalText => ({
    en: `**Retrieval**: **${mode}** — ${reason} (reported ${at} UTC)`,
    ja: `**検索方式**: **${mode}** — ${reason}（${at} UTC 時点）`,
  }),
  statusRetrievalUnknown: {
    en: '**Retrieval**: **not known yet** — no worker has answered an FAQ question since it started; it uses hybrid retrieval when the embedding model loads, lexical otherwise',
    ja: '**検索方式**: **まだ不明** — 起動後まだFAQの質問に答えていません。埋め込みモデルが読み込まれればハイブリッド、そうでなければ語彙検索を使います',
  },
  statusThreshold: (value: string, margin: number): LocalText => ({
    en: `**Threshold**: ${value} · margin ${margin}`,
    ja: `**しきい値**: ${value} · マージン ${margin}`,
  }),
  thresholdDefault: (value: number): LocalText => ({
    en: `${value} (default \`faq.threshold\`)`,
    ja: `${value}（既定の \`faq.threshold\`）`,
  }),
  thresholdOwn: (value: number, fallback: number): LocalText => ({
    en: `${value} (set for this server; \`/faq threshold value:reset\` goes back to ${fallback})`,
    ja: `${value}（このサーバーの設定。\`/faq threshold value:reset\` で${fallback}に戻ります）`,
  }),
  statusMisses: (count: number, days: number): LocalText => ({
    en: `**Misses**: ${count} question(s) kept for ${days} days (\`/faq misses\`)`,
    ja: `**未回答**: ${count}件を${days}日間保存（\`/faq misses\`）`,
  }),
  noMisses: {
    en: 'No missed questions recorded. Questions I could not answer and answers marked 👎 show up here.',
    ja: '未回答の質問はありません。答えられなかった質問や👎がついた回答がここに表示されます。',
  },
  missesHeader: { en: '**Missed questions** (most frequent first)', ja: '**答えられなかった質問**（多い順）' },
  closest: { en: 'closest', ja: '近い項目' },
  andMore: (count: number): LocalText => ({ en: `…and ${count} more.`, ja: `…ほか${count}件。` }),
  missesHelp: {
    en: 'One step to fix one: the buttons add it as a paraphrase of its closest entry; `/faq learn miss:<key> entry:<id>` adds it to any entry, `/faq learn miss:<key> answer:<text>` makes it a new entry.',
    ja: 'ワンステップで直せます: ボタンで一番近い項目の言い換えに追加、`/faq learn miss:<キー> entry:<ID>` で任意の項目に追加、`/faq learn miss:<キー> answer:<回答>` で新しい項目にします。',
  },
  learnButton: (question: string, id: string): LocalText => ({ en: `Add “${question}” to ${id}`, ja: `「${question}」を${id}に追加` }),
  help: {
    en: 'Mention me, DM me or reply to me with a question: I answer from this server’s FAQ first.',
    ja: 'メンション・DM・返信で質問してください。まずこのサーバーのFAQから答えます。',
  },
  usage: { en: 'Usage: /ask <question>. e.g. /ask how do I use this bot?', ja: '使い方: /ask <質問>　例: /ask このボットの使い方は？' },
  localDoes: { en: "answers from this server's FAQ", ja: 'このサーバーのFAQから答えます' },
} as const;
