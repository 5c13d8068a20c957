/**
 * Joins the texts of consecutive windows. Windows cut at a pause just follow each other. Windows cut
 * in speech share `overlapSec` of audio, so the words spoken there appear at the end of one text and
 * the start of the next, often garbled at the very edge (a word cut in half). The seam is found as the
 * longest run of identical words in the two overlap regions; the left text is kept up to the middle of
 * that run and the right text from there on, so nothing is doubled and nothing dropped. Japanese and
 * Chinese have no spaces, so each CJK character counts as a word.
 */

/** One window's text and where it sits. */
export interface WindowText {
  readonly text: string;
  /** Seconds of audio shared with the previous window (0: cut at a pause). */
  readonly overlapSec: number;
  readonly durationSec: number;
}

/** A word with its leading whitespace, so joining units back is plain concatenation. */
const UNIT =
  /\s*(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]+)/gu;

export function splitUnits(text: string): string[] {
  return text.match(UNIT) ?? [];
}

/** What a unit means for matching: case, punctuation and spacing do not count. */
function norm(unit: string): string {
  return unit.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

/** Fewest identical words that identify a seam; one shared "the" is not enough. */
const MIN_RUN = 2;

/** How a seam is joined: the first `keep` units of the left text, then the right text from `skip`. */
export interface Seam {
  readonly keep: number;
  readonly skip: number;
}

/**
 * Finds the seam between `left` and `right`. `leftWords`/`rightWords` estimate how many of their
 * edge units were spoken in the shared audio; the seam is searched in twice that (rates vary).
 */
export function findSeam(left: readonly string[], right: readonly string[], leftWords: number, rightWords: number): Seam {
  const a0 = Math.max(0, left.length - (2 * leftWords + 2));
  const b1 = Math.min(right.length, 2 * rightWords + 2);
  const run = longestCommonRun(left.slice(a0).map(norm), right.slice(0, b1).map(norm));
  if (run && run.length >= MIN_RUN) {
    const middle = Math.floor(run.length / 2);
    return { keep: a0 + run.a + middle, skip: run.b + middle };
  }
  // No reliable match (the model heard the overlap differently): cut both at the middle of the
  // shared audio, estimating word times by position. Approximate, but never doubles the overlap.
  return { keep: Math.max(0, left.length - Math.floor(leftWords / 2)), skip: Math.min(right.length, Math.ceil(rightWords / 2)) };
}

export function mergeOverlap(left: readonly string[], right: readonly string[], leftWords: number, rightWords: number): string[] {
  const seam = findSeam(left, right, leftWords, rightWords);
  return [...left.slice(0, seam.keep), ...right.slice(seam.skip)];
}

/** Longest contiguous run of equal, non-empty units; on ties the one nearest the seam's middle. */
function longestCommonRun(a: readonly string[], b: readonly string[]): { a: number; b: number; length: number } | null {
  let best: { a: number; b: number; length: number } | null = null;
  const lengths = new Array<number>((a.length + 1) * (b.length + 1)).fill(0);
  const at = (i: number, j: number) => i * (b.length + 1) + j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      if (!a[i - 1] || a[i - 1] !== b[j - 1]) continue;
      const length = lengths[at(i - 1, j - 1)]! + 1;
      lengths[at(i, j)] = length;
      if (!best || length > best.length || (length === best.length && i - length >= best.a))
        best = { a: i - length, b: j - length, length };
    }
  }
  return best;
}

/** The full text of consecutive windows. */
export function stitch(windows: readonly WindowText[]): string {
  return stitchPieces(windows).join('').trim();
}

/** The text each window contributes after the seams are resolved (same order, may be empty). */
export function stitchPieces(windows: readonly WindowText[]): string[] {
  const pieces: string[][] = [];
  windows.forEach((window, index) => {
    const all = pieces.flat();
    let next = withSpace(all, splitUnits(window.text));
    const previous = windows[index - 1];
    if (window.overlapSec && previous && all.length) {
      // Words in the shared audio, estimated from each window's speaking rate.
      const words = (text: string, duration: number) =>
        Math.ceil((splitUnits(text).length * window.overlapSec) / Math.max(duration, window.overlapSec));
      const seam = findSeam(
        all,
        next,
        Math.min(all.length, words(previous.text, previous.durationSec)),
        words(window.text, window.durationSec),
      );
      let drop = all.length - seam.keep;
      for (let p = pieces.length - 1; p >= 0 && drop > 0; p--) {
        const cut = Math.min(drop, pieces[p]!.length);
        pieces[p] = pieces[p]!.slice(0, pieces[p]!.length - cut);
        drop -= cut;
      }
      next = next.slice(seam.skip);
    }
    pieces.push(next);
  });
  return pieces.map((units) => units.join(''));
}

/** Whisper's texts start with a space for Latin script; make sure two words never fuse. */
function withSpace(before: readonly string[], next: readonly string[]): string[] {
  const [first, ...rest] = next;
  if (first === undefined || !before.length || /^\s/u.test(first) || isCjk(first) || isCjk(before.at(-1) ?? '')) return [...next];
  return [` ${first}`, ...rest];
}

function isCjk(unit: string): boolean {
  return /^\s*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々〆]/u.test(unit);
}
