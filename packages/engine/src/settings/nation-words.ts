// The legal words that differ between England and Wales, in one place: the post-18 arrangement with former foster
// carers ("Staying Put" in England, "When I am Ready" in Wales) and the categories of care leaver (England: the
// Children Act 1989 as amended by the Children (Leaving Care) Act 2000; Wales: section 104 of the Social Services
// and Well-being (Wales) Act 2014).
//
// Onward stores England's four category codes; Wales's categories 1 to 3 restate them one for one (category 1 is an
// eligible child, category 2 a relevant child, category 3 a former relevant child). A Welsh category 3 young person
// keeps support past 21 only as a category 4 young person (pursuing, or wanting to pursue, education or training, to
// 25), so a former relevant young person of 21 or over in Wales is shown as category 4. England's "qualifying" young
// people are Wales's categories 5 (special guardianship) and 6 (others looked after or accommodated after 16), which
// the stored code does not tell apart.
import { hasAttained } from '../dates/age.js';
import type { IsoDate } from '../dates/civil-date.js';
import type { Nation } from './council-settings.js';

export type CareLeaverCategory = 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';

/**
 * The arrangement's name: "Staying Put" in England (a proper name, in Welsh too) or "When I am Ready" in Wales
 * (in Welsh, "Pan Fydda i’n Barod").
 */
export function arrangementName(nation: Nation, language: 'en' | 'cy' = 'en'): string {
  if (nation === 'wales') return language === 'cy' ? 'Pan Fydda i’n Barod' : 'When I am Ready';
  return 'Staying Put';
}

/** English text written with "Staying Put", in the words of `nation` ("When I am Ready" in Wales). */
export function inNationWords(text: string, nation: Nation): string {
  return nation === 'wales' ? text.replace(/Staying Put/g, 'When I am Ready') : text;
}

const ENGLAND: Record<CareLeaverCategory, { en: string; cy: string }> = {
  eligible: { en: 'Eligible', cy: 'Cymwys' },
  relevant: { en: 'Relevant', cy: 'Perthnasol' },
  'former-relevant': { en: 'Former relevant', cy: 'Cyn-berthnasol' },
  qualifying: { en: 'Qualifying', cy: 'Sy’n gymwys' },
};

/** Which Welsh category (1 to 6) a stored category is, at a date. `[5, 6]`: the record does not say which. */
export function welshCategory(
  category: CareLeaverCategory,
  young: { dateOfBirth: IsoDate; on: IsoDate },
): readonly (1 | 2 | 3 | 4 | 5 | 6)[] {
  switch (category) {
    case 'eligible':
      return [1];
    case 'relevant':
      return [2];
    case 'former-relevant':
      return hasAttained(young.dateOfBirth, 21, young.on) ? [4] : [3];
    default:
      return [5, 6];
  }
}

/**
 * A category of care leaver in the words of the young person's nation: "Former relevant" in England, "Category 3
 * young person" in Wales (Welsh language: "Person ifanc categori 3").
 */
export function careLeaverCategoryName(
  category: CareLeaverCategory,
  nation: Nation,
  young: { dateOfBirth: IsoDate; on: IsoDate },
  language: 'en' | 'cy' = 'en',
): string {
  if (nation !== 'wales') return ENGLAND[category][language];
  const n = welshCategory(category, young);
  const numbers = n.length === 1 ? String(n[0]) : language === 'cy' ? `${n[0]} neu ${n[1]}` : `${n[0]} or ${n[1]}`;
  return language === 'cy' ? `Person ifanc categori ${numbers}` : `Category ${numbers} young person`;
}
