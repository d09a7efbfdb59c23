// What makes a password acceptable, following the NCSC's and OWASP's guidance: length matters most (at least 12
// characters, up to 200, any characters at all, spaces welcome: "three random words" is the advice), no rules
// about mixing symbols and capitals, no forced expiry, and a check against passwords people use most and against
// the account's own email and name. One place for the rule: every route that sets a password calls this.
import type { FieldProblem } from '../http/problem.js';
import { COMMON_PASSWORD_WORDS, COMMON_PREFIXES } from './common-passwords.js';

/** The shortest password accepted, in characters. The API schemas say the same (a test checks). */
export const PASSWORD_MIN_LENGTH = 12;

/** Look-alike characters people swap in for letters. */
const LOOK_ALIKES: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '|': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
  '+': 't',
  '8': 'b',
  '9': 'g',
};

/** Runs of keys and symbols people type in order (checked forwards and backwards). */
const SEQUENCES = [
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
  'qazwsxedcrfvtgbyhnujmikolp',
  '!@#$%^&*()',
];

function lettersOnly(s: string): string {
  return s.replace(/[^\p{L}]/gu, '');
}

/**
 * Lower case, letters only; with `lookAlikes`, the numbers and symbols at either end are dropped first (they are
 * the "2024!" people add) and those inside are turned back into letters: `P@55w0rd2024!` → `password`.
 */
function core(s: string, lookAlikes: boolean): string {
  const lower = s.normalize('NFKC').toLowerCase();
  if (!lookAlikes) return lettersOnly(lower);
  const inner = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return lettersOnly([...inner].map((ch) => LOOK_ALIKES[ch] ?? ch).join(''));
}

function isCommonWordOrPair(word: string): boolean {
  if (!word) return false;
  if (COMMON_PASSWORD_WORDS.has(word)) return true;
  for (const p of COMMON_PREFIXES)
    if (word.startsWith(p) && COMMON_PASSWORD_WORDS.has(word.slice(p.length))) return true;
  // Two common words run together (`sunshinemonkey`) or one repeated (`passwordpassword`).
  for (let i = 3; i <= word.length - 3; i++)
    if (COMMON_PASSWORD_WORDS.has(word.slice(0, i)) && COMMON_PASSWORD_WORDS.has(word.slice(i))) return true;
  return false;
}

/** The whole password is one short block said again and again (`abcabcabcabc`, `hello123hello123`). */
function isRepeatedBlock(s: string): boolean {
  for (let n = 1; n <= s.length / 2; n++) {
    if (s.length % n !== 0) continue;
    if (s.slice(0, n).repeat(s.length / n) === s) return true;
  }
  return false;
}

/** Every character belongs to a run (of 3 or more) along one of the keyboard or alphabet sequences. */
function isSequence(s: string): boolean {
  const text = s.toLowerCase().replace(/\s+/g, '');
  if (text.length < 3) return false;
  const lines = SEQUENCES.flatMap((q) => [q + q, [...q].reverse().join('') + [...q].reverse().join('')]);
  let i = 0;
  while (i < text.length) {
    let best = 0;
    for (const line of lines) {
      for (let len = text.length - i; len > best; len--) {
        if (line.includes(text.slice(i, i + len))) {
          best = len;
          break;
        }
      }
    }
    if (best < 3) return false;
    i += best;
  }
  return true;
}

export interface PasswordOwner {
  email?: string | undefined;
  /** Every name the person goes by (full name, preferred name). */
  names?: readonly (string | undefined)[];
}

/**
 * Problems with a new password, named against `field` (empty when it is fine). Messages are plain words for a
 * 16-year-old and never repeat the password.
 */
export function passwordProblems(password: string, owner: PasswordOwner = {}, field = 'password'): FieldProblem[] {
  const problem = (message: string): FieldProblem[] => [{ path: field, message }];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    return problem(
      `Use at least ${PASSWORD_MIN_LENGTH} characters. Three random words together work well, like "tea river window".`,
    );
  const plain = password.normalize('NFKC').toLowerCase();
  const distinct = new Set(plain.replace(/\s/g, '')).size;
  if (distinct < 5 || isRepeatedBlock(plain.replace(/\s/g, '')) || isSequence(plain))
    return problem('This password is a pattern that is easy to guess. Try three random words together instead.');
  if (/^[\d\s\p{P}\p{S}]+$/u.test(plain) && length < 16)
    return problem('A password of only numbers is easy to guess. Use words instead, like "tea river window".');
  // Personal: the email, its first part or a name, perhaps with a few numbers, symbols, the email's domain or a
  // common word added: what is left once those are taken out is too little to guess at.
  const personal = new Set<string>();
  const domain: string[] = [];
  if (owner.email) {
    const [local = '', host = ''] = owner.email.toLowerCase().split('@');
    personal.add(lettersOnly(owner.email.toLowerCase()));
    personal.add(lettersOnly(local));
    for (const part of local.split(/[._+-]+/)) personal.add(lettersOnly(part));
    for (const label of host.split('.')) domain.push(lettersOnly(label));
  }
  for (const n of owner.names ?? []) {
    if (!n) continue;
    personal.add(lettersOnly(n.toLowerCase()));
    for (const part of n.toLowerCase().split(/[\s'-]+/)) personal.add(lettersOnly(part));
  }
  const mine = [...personal].filter((t) => t.length >= 3).sort((x, y) => y.length - x.length);
  const removable = [...mine, ...domain.filter((t) => t.length >= 2)].sort((x, y) => y.length - x.length);
  for (const variant of [core(password, false), core(password, true)]) {
    if (!mine.some((t) => variant.includes(t))) continue;
    let rest = variant;
    for (const t of removable) rest = rest.split(t).join('');
    if (rest.length < 5 || isCommonWordOrPair(rest))
      return problem('Do not use your email address or your name in your password. Try three random words instead.');
  }
  for (const variant of new Set([
    core(password, false),
    core(password, true),
    core(password.replace(/1/g, 'l'), true),
  ])) {
    if (isCommonWordOrPair(variant))
      return problem(
        'This is one of the passwords people use most, so it is easy to guess. Try three random words together instead.',
      );
  }
  return [];
}
