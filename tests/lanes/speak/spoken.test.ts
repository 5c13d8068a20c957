import { describe, expect, it } from 'vitest';
import { spokenText, type MentionKind } from '../../../src/lanes/speak/spoken.ts';

const names: Record<string, string> = {
  '111111111111111111': 'Alice',
  '222222222222222222': 'Moderators',
  '333333333333333333': 'general',
};
const resolve = (_kind: MentionKind, id: string) => names[id];
const en = (text: string) => spokenText(text, { language: 'en', resolve });
const ja = (text: string) => spokenText(text, { language: 'ja', resolve });

describe('what is read aloud (English)', () => {
  it('GIVEN Markdown emphasis, headers, lists and quotes THEN only the words remain, one sentence per line', () => {
    expect(en('## Setup\n**Install** the *bot* and __run__ it.\n- first step\n- second ~~step~~\n> quoted')).toBe(
      'Setup.\nInstall the bot and run it.\nfirst step.\nsecond step.\nquoted.',
    );
  });

  it('GIVEN a code block THEN it is replaced by "Code omitted." and inline code keeps its text', () => {
    expect(en('Run this:\n```sh\nnpm start\n```\nthen `npm test`.')).toBe('Run this:\nCode omitted.\nthen npm test.');
  });

  it('GIVEN an unclosed code block (a cut-off answer) THEN the rest is omitted too', () => {
    expect(en('Here:\n```js\nconsole.log(1)')).toBe('Here:\nCode omitted.');
  });

  it('GIVEN links THEN Markdown links read their label, bare and <…> URLs read "link"', () => {
    expect(en('See [the docs](https://example.com/docs) or https://example.com/a?b=c, and <https://x.y/z>.')).toBe(
      'See the docs or link, and link.',
    );
  });

  it('GIVEN mentions THEN display names are read; unknown ones read as someone / a role / a channel', () => {
    expect(en('Hi <@111111111111111111> and <@!999999999999999999>, ask <@&222222222222222222> in <#333333333333333333>.')).toBe(
      'Hi Alice and someone, ask Moderators in general.',
    );
    expect(en('<@&999999999999999998> in <#999999999999999997>, @everyone')).toBe('a role in a channel, everyone.');
  });

  it('GIVEN custom emoji, a spoiler and a slash command mention THEN emoji vanish, the spoiler stays hidden, the command is named', () => {
    expect(en('Nice <:party:123456789012345678> <a:spin:123456789012345678> the end is ||he wins||. Try </help:123456789012345678>.')).toBe(
      'Nice the end is spoiler. Try help.',
    );
  });

  it('GIVEN <think> reasoning (closed or cut off) THEN none of it is spoken', () => {
    expect(en('<think>The user wants X.</think>The answer is 42.')).toBe('The answer is 42.');
    expect(en('Visible.<think>still thinking')).toBe('Visible.');
  });

  it('GIVEN only markup and punctuation THEN nothing is left to say', () => {
    expect(en('```\n```')).toBe('Code omitted.');
    expect(en('---\n***\n> \n<:ok:123456789012345678>')).toBe('');
  });

  it('GIVEN Discord timestamps THEN they are read as dates in the time zone, or relative to now', () => {
    const now = new Date('2024-01-02T03:04:05Z');
    const say = (text: string) => spokenText(text, { language: 'en', now, timeZone: 'UTC' });
    expect(say('Starts <t:1704164645:f>.')).toBe('Starts January 2, 2024 at 3:04 AM.');
    expect(say('Date <t:1704164645:d>, time <t:1704164645:t>.')).toBe('Date January 2, 2024, time 3:04 AM.');
    expect(say('It ended <t:1704157445:R>.')).toBe('It ended 2 hours ago.');
    expect(say('Soon: <t:1704164945:R>')).toBe('Soon: in 5 minutes.');
  });
});

describe('what is read aloud (Japanese)', () => {
  it('GIVEN a Japanese answer with code and a URL THEN the placeholders are Japanese', () => {
    expect(ja('**手順**です。\n```\nnpm start\n```\n詳しくは https://example.com/ja を見てください')).toBe(
      '手順です。\nコード省略。\n詳しくは リンク を見てください。',
    );
  });

  it('GIVEN unknown mentions and a spoiler THEN Japanese words are used', () => {
    expect(ja('<@999999999999999999>さん、||犯人は彼||')).toBe('誰かさん、ネタバレ。');
    expect(ja('<@111111111111111111>さんへ')).toBe('Aliceさんへ。');
  });

  it('GIVEN a timestamp THEN it is read as a Japanese date', () => {
    const now = new Date('2024-01-02T03:04:05Z');
    expect(spokenText('開始は<t:1704164645:D>です。', { language: 'ja', now, timeZone: 'Asia/Tokyo' })).toBe('開始は2024年1月2日です。');
    expect(spokenText('<t:1704157445:R>に終了', { language: 'ja', now })).toBe('2 時間前に終了。');
  });
});
