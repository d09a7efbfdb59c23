// Reading ease for English wording: the Flesch reading-ease score, with our own syllable counter.
//   score = 206.835 - 1.015 × (words ÷ sentences) - 84.6 × (syllables ÷ words)
// Higher is easier: 90-100 very easy, 60-70 plain English, under 50 hard. Short questions with long words score
// low, which is the point: "Do you know your National Insurance number?" is harder than "Can you cook?".
// The syllable counter is a rule of thumb (vowel groups, silent endings, a few exceptions); it is right for most
// everyday words and close enough for a warning, never for a pass/fail on its own.

/** Words our rules get wrong, with their syllable count. Lower case. */
const EXCEPTIONS: Readonly<Record<string, number>> = {
  area: 3,
  areas: 3,
  idea: 3,
  ideas: 3,
  create: 2,
  created: 3,
  every: 2,
  everyone: 3,
  everything: 3,
  everywhere: 3,
  experience: 4,
  friend: 1,
  friends: 1,
  friendship: 2,
  friendships: 2,
  business: 2,
  somewhere: 2,
  someone: 2,
  something: 2,
  sometimes: 2,
  lives: 1,
  gives: 1,
  people: 2,
  being: 2,
  cooker: 2,
  online: 2,
  lifestyle: 2,
  safely: 2,
  whereabouts: 3,
};

/** Vowel pairs usually said as two syllables (ra-di-o, vi-de-o), unless after c, g, s, t or x (-tion, -cial). */
const SPLIT_PAIR = /([^cgstx])(i[ao]|eo)/g;
/** u-a is two syllables (us-u-al, sex-u-al) except where the u is a w sound (qu-, langu-). */
const SPLIT_UA = /([^qg])(ua)/g;

/** Syllables in one word (letters, apostrophes and hyphens allowed). Acronyms count one per letter. */
export function countSyllables(word: string): number {
  const clean = word.replace(/['’]/g, '');
  if (/^\d+$/.test(clean)) return clean.length;
  // An acronym said letter by letter: GP, UK, DBS, GCSEs.
  if (/^[A-Z]{2,5}s?$/.test(clean)) return clean.replace(/s$/, '').length;
  const parts = clean.toLowerCase().split('-').filter(Boolean);
  if (parts.length > 1) return parts.reduce((n, p) => n + countSyllables(p), 0);
  const w = (parts[0] ?? '').replace(/[^a-z]/g, '');
  if (!w) return 0;
  const known = EXCEPTIONS[w];
  if (known !== undefined) return known;
  if (w.length <= 3) return 1;
  // y is a consonant before a vowel (you, yes, saying) and a vowel otherwise (my, happy, gym).
  const marked = w.replace(/y(?=[aeiou])/g, 'Y');
  const apart = (_m: string, pre: string, pair: string) => `${pre}${pair[0]}_${pair[1]}`;
  const split = marked.replace(SPLIT_PAIR, apart).replace(SPLIT_UA, apart);
  let n = (split.match(/[aeiouy]+/g) ?? []).length;
  // doing, being, seeing: the vowel group before -ing is its own syllable.
  if (/[aeiou]ing$/.test(marked)) n++;
  // Silent endings: home, homes, asked (not table, places, wanted).
  if (/[^aeiouy]e$/.test(marked) && !/[^aeiouy]le$/.test(marked)) n--;
  else if (/[^aeiouyscxzgh]es$/.test(marked) && !/[^aeiouy]les$/.test(marked)) n--;
  else if (/[^aeiouytd]ed$/.test(marked)) n--;
  return Math.max(1, n);
}

export interface ReadingEase {
  /** Flesch reading ease, one decimal place. */
  readonly score: number;
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  /** Words in the longest sentence. */
  readonly longestSentence: number;
}

/** Split text into sentences (at . ! ? followed by a space or the end). Always at least one when there are words. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

/** The words of a text: runs of letters, digits, apostrophes and inner hyphens. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];
}

/** The Flesch reading-ease score of English text. Empty text scores 100 (nothing to read). */
export function readingEase(text: string): ReadingEase {
  const ss = sentences(text);
  const words = wordsOf(text);
  if (!words.length) return { score: 100, words: 0, sentences: 0, syllables: 0, longestSentence: 0 };
  const syllables = words.reduce((n, w) => n + countSyllables(w), 0);
  const sentenceCount = Math.max(1, ss.length);
  const raw = 206.835 - 1.015 * (words.length / sentenceCount) - 84.6 * (syllables / words.length);
  return {
    score: Math.round(raw * 10) / 10,
    words: words.length,
    sentences: sentenceCount,
    syllables,
    longestSentence: Math.max(0, ...ss.map((s) => wordsOf(s).length)),
  };
}
