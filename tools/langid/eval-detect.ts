/**
 * Accuracy of `detectLanguage` on a dev set of short chat messages (`lang<TAB>text` lines, `#` comments):
 * `npx tsx tools/langid/eval-detect.ts tests/fixtures/langid/short-chat.tsv [more.tsv]`. Prints one JSON line per
 * file: accuracy, how often it abstained (below the confidence floor), per-language counts and the misses.
 */
import { readFileSync } from 'node:fs';
import { detectLanguage } from '../../src/text/detect.ts';

/** The rows of a dev-set file. */
export function readDevSet(file: string): { lang: string; text: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [lang = '', text = ''] = line.split('\t');
      return { lang, text };
    });
}

/** Detects every row; abstentions count as misses. */
export async function evaluate(rows: readonly { lang: string; text: string }[]) {
  let correct = 0;
  let abstained = 0;
  const perLanguage: Record<string, string> = {};
  const counts = new Map<string, [number, number]>();
  const misses: string[] = [];
  for (const { lang, text } of rows) {
    const found = await detectLanguage(text);
    const count = counts.get(lang) ?? [0, 0];
    count[1] += 1;
    if (found?.code === lang) {
      correct += 1;
      count[0] += 1;
    } else {
      if (!found) abstained += 1;
      misses.push(`${lang}→${found?.code ?? '?'} ${text}`);
    }
    counts.set(lang, count);
  }
  for (const [lang, [ok, total]] of counts) perLanguage[lang] = `${ok}/${total}`;
  return { total: rows.length, accuracy: correct / rows.length, abstained: abstained / rows.length, perLanguage, misses };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of process.argv.slice(2)) console.log(JSON.stringify({ file, ...(await evaluate(readDevSet(file))) }));
}
