// UI words (buttons, labels, messages) for the widgets. Question and domain wording lives in the locale files of
// @onward/schemas; a locale file's optional `ui` map overrides any string here, key by key, so a council can
// change a button's words without a code change.
//
// Catalogues are keyed `<locale>` for the standard variant and `<locale>:easy` for easy read. Lookup follows the
// same order as the engine's Wording: locale+variant, locale, base language+variant, base language, en-GB+variant,
// en-GB. Welsh UI strings are a draft awaiting review by Welsh speakers (see UI_LOCALE_STATUS).
import type { Variant, Wording, WordingRequest } from '@onward/engine';

export type Catalogue = Readonly<Record<string, string>>;
export type Catalogues = Readonly<Record<string, Catalogue>>;

/** Review status of the widgets' own UI strings per locale. */
export const UI_LOCALE_STATUS: Readonly<Record<string, 'reviewed' | 'draft'>> = {
  'en-GB': 'reviewed',
  'en-GB:easy': 'reviewed',
  cy: 'draft',
};

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

function chainKeys(req: WordingRequest): string[] {
  const base = req.locale.split('-')[0] ?? req.locale;
  const v = (l: string, variant: Variant) => (variant === 'easy' ? `${l}:easy` : l);
  const keys = [v(req.locale, req.variant), req.locale, v(base, req.variant), base, v('en-GB', req.variant), 'en-GB'];
  return keys.filter((k, i) => keys.indexOf(k) === i);
}

function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}

/**
 * A translate function for a request. A locale file's `ui` entry (through the Wording fallback chain) wins; then
 * the widget catalogues; a missing key shows the key itself so it is easy to spot. Each key is looked up once
 * and kept: make a new translator when the locale, the variant or the wording changes.
 */
export function translator(
  catalogues: readonly Catalogues[],
  wording: Wording | undefined,
  req: WordingRequest,
): Translate {
  const keys = chainKeys(req);
  const templates = new Map<string, string>();
  const template = (key: string): string => {
    let text = templates.get(key);
    if (text !== undefined) return text;
    // Without vars, Wording.ui gives the file's text with its {placeholders} left in, or the key when absent.
    const fromFile = wording?.ui(key, req);
    text = fromFile !== undefined && fromFile !== key ? fromFile : undefined;
    for (let i = 0; text === undefined && i < keys.length; i++)
      for (const cat of catalogues) {
        const found = cat[keys[i]!]?.[key];
        if (found !== undefined) {
          text = found;
          break;
        }
      }
    text ??= key;
    templates.set(key, text);
    return text;
  };
  return (key, vars) => {
    const text = template(key);
    return vars && text.includes('{') ? fill(text, vars) : text;
  };
}

/** The language to mark free-text fields with, for spell checking: Welsh for `cy…`, British English otherwise. */
export function textLang(locale: string): string {
  return locale.toLowerCase().startsWith('cy') ? 'cy' : 'en-GB';
}
