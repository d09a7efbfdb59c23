// Easy read compared with the standard wording it replaces: what the content check calls harder (docs/content.md,
// "Easy read must be easier"), and a short list of hard words with plain ones to use instead.
import { countSyllables, sentences, wordsOf } from './readability.js';

/**
 * Words and phrases an easy-read question should not use, each with a plainer way to say it. Kept short on
 * purpose: only words with a common alternative that means the same. A legal or official name young people need
 * to know (tenant, asylum claim, National Insurance number, GP) is not here: easy read keeps it and explains it in
 * a hint. Lower case; matched as whole words, so each form is listed ("manage", "managing").
 */
export const EASY_READ_HARD_WORDS: readonly { readonly words: string; readonly plain: string }[] = [
  { words: 'housing register', plain: 'council housing list' },
  { words: 'accommodation', plain: 'home, or a place to live' },
  { words: 'entitlements', plain: 'money and help you can get' },
  { words: 'entitled', plain: 'can get' },
  { words: 'confident', plain: 'sure' },
  { words: 'manage', plain: 'look after' },
  { words: 'managing', plain: 'looking after' },
  { words: 'essentials', plain: 'the things you need' },
  { words: 'condition', plain: 'state, or working' },
  { words: 'stable', plain: 'settled' },
  { words: 'provisional', plain: 'learner' },
  { words: 'appropriate', plain: 'right' },
  { words: 'assistance', plain: 'help' },
  { words: 'require', plain: 'need' },
  { words: 'obtain', plain: 'get' },
  { words: 'sufficient', plain: 'enough' },
  { words: 'regarding', plain: 'about' },
];

/** The listed hard words a text uses (whole words, any case). */
export function hardWordsIn(text: string): { readonly words: string; readonly plain: string }[] {
  const lower = ` ${wordsOf(text).join(' ').toLowerCase()} `;
  return EASY_READ_HARD_WORDS.filter((h) => lower.includes(` ${h.words} `));
}

/** What makes a question harder or easier to read, counted the same way for both wordings being compared. */
export interface ReadingLoad {
  readonly words: number;
  /** Words in the longest sentence. */
  readonly longestSentence: number;
  /**
   * Long words: three or more syllables (by countSyllables), e.g. "relationships", "qualifications". Only
   * counted for English; 0 for other languages, where the syllable rules do not apply.
   */
  readonly longWords: readonly string[];
}

export function readingLoad(text: string, english = true): ReadingLoad {
  const words = wordsOf(text);
  return {
    words: words.length,
    longestSentence: Math.max(0, ...sentences(text).map((s) => wordsOf(s).length)),
    longWords: english ? words.filter((w) => !/^[A-Z]{2,5}s?$/.test(w) && countSyllables(w) >= 3) : [],
  };
}

/**
 * Why an easy-read question is harder than the standard question it replaces, or [] when it is not. Harder means:
 *  - more long words (three or more syllables) than the standard wording; or
 *  - more words in all, or a longer longest sentence, without buying fewer long words in exchange (an easy-read
 *    question may be a little longer only to swap a long word for short ones: "in your relationships" →
 *    "with the people you are close to").
 * The listed hard words (EASY_READ_HARD_WORDS) are a separate rule.
 */
export function harderBecause(easy: string, standard: string, english = true): string[] {
  const e = readingLoad(easy, english);
  const s = readingLoad(standard, english);
  const why: string[] = [];
  if (e.longWords.length > s.longWords.length)
    why.push(
      `it has ${e.longWords.length} long word${e.longWords.length === 1 ? '' : 's'} (${e.longWords.join(', ')}) where the standard wording has ${s.longWords.length}`,
    );
  const fewerLong = e.longWords.length < s.longWords.length;
  if (!fewerLong && e.words > s.words) why.push(`it has ${e.words} words where the standard wording has ${s.words}`);
  if (!fewerLong && e.longestSentence > s.longestSentence && e.words <= s.words)
    why.push(
      `its longest sentence has ${e.longestSentence} words where the standard wording's has ${s.longestSentence}`,
    );
  return why;
}
