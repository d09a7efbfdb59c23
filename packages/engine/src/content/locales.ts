// The locale files Onward ships. Each is its own export so a bundle keeps only the ones it uses: a widget that
// shows English and Welsh imports `enGBWording` and `cyWording` and the easy-read file is left out. `loadLocale`
// fetches one on demand instead (a separate chunk per file).
import type { Locale as LocaleFile } from '@onward/schemas';
import ar from '@onward/schemas/locales/ar.js';
import cy from '@onward/schemas/locales/cy.js';
import enGB from '@onward/schemas/locales/en-GB.js';
import enGBEasy from '@onward/schemas/locales/en-GB-easy.js';
import type { Variant } from './question-set.js';
import { Wording } from './wording.js';

/** The shipped en-GB standard wording (reviewed). */
export const enGBWording = enGB as LocaleFile;
/** The shipped en-GB easy-read wording: short sentences, common words, hard words explained in hints. */
export const enGBEasyWording = enGBEasy as LocaleFile;
/** The shipped Welsh wording: a draft awaiting review by Welsh speakers (see its `meta.note`). */
export const cyWording = cy as LocaleFile;

/**
 * The shipped Arabic wording, right to left: a draft awaiting review by Arabic speakers (see its `meta.note`), with
 * the widgets' words in its `ui` map.
 */
export const arWording = ar as LocaleFile;

/** The locales and variants Onward ships. */
export const SHIPPED_LOCALES: readonly { readonly locale: string; readonly variant: Variant }[] = [
  { locale: 'en-GB', variant: 'standard' },
  { locale: 'en-GB', variant: 'easy' },
  { locale: 'cy', variant: 'standard' },
  { locale: 'ar', variant: 'standard' },
];

/** Every shipped locale file. Pulls all of them into a bundle: prefer the single exports where size matters. */
export function shippedLocales(): LocaleFile[] {
  return [enGBWording, enGBEasyWording, cyWording, arWording];
}

/**
 * A Wording holding en-GB standard (always: it ends every fallback chain) and the other locale files given,
 * e.g. `shippedWording([cyWording])`, or a council's own files, which replace shipped ones of the same locale
 * and variant.
 */
export function shippedWording(extra: readonly LocaleFile[] = []): Wording {
  return new Wording([enGBWording, ...extra]);
}

/** A Wording with every shipped locale (en-GB, en-GB easy read, Welsh, Arabic), then the extra files given. */
export function allShippedWording(extra: readonly LocaleFile[] = []): Wording {
  return new Wording([...shippedLocales(), ...extra]);
}

/**
 * Load one shipped locale file on demand (its own chunk in a bundle). Resolves to undefined for a locale and
 * variant Onward does not ship.
 */
export async function loadLocale(locale: string, variant: Variant = 'standard'): Promise<LocaleFile | undefined> {
  const key = `${locale}|${variant}`;
  switch (key) {
    case 'en-GB|standard':
      return (await import('@onward/schemas/locales/en-GB.js')).default as LocaleFile;
    case 'en-GB|easy':
      return (await import('@onward/schemas/locales/en-GB-easy.js')).default as LocaleFile;
    case 'cy|standard':
      return (await import('@onward/schemas/locales/cy.js')).default as LocaleFile;
    case 'ar|standard':
      return (await import('@onward/schemas/locales/ar.js')).default as LocaleFile;
    default:
      return undefined;
  }
}
