// Counted words by each language's plural rules (Intl.PluralRules), never `n === 1 ? … : …`. English has two
// forms (one, other). Welsh has six (zero, one, two, few, many, other), and the noun after the number can mutate:
// 2 ddiwrnod, 2 gynllun, 3 chynllun. `#` in a form is the number.
import type { Lang } from './i18n.js';

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const RULES: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en-GB'), cy: new Intl.PluralRules('cy') };

/** The form for `n` in `lang` (falling back to `other` where a language's category has no form of its own). */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  return (forms[RULES[lang].select(n)] ?? forms.other).replaceAll('#', String(n));
}
