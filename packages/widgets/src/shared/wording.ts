// The wording a widget uses when the host gives none: en-GB standard and easy read (so the young person can switch
// to easy read at any time, even offline), plus other shipped locales (Welsh) fetched on demand the first time a
// widget is shown in that language. A council passes its own Wording (or locale files) to replace or add to them.
import {
  enGBEasyWording,
  type LocaleFile,
  loadLocale,
  shippedWording,
  type Variant,
  type Wording,
} from '@onward/engine';

export function defaultWording(extra: readonly LocaleFile[] = []): Wording {
  return shippedWording([enGBEasyWording, ...extra]);
}

/**
 * Make sure the shipped wording for `locale` is loaded (e.g. Welsh), adding it to `wording`. Locales Onward does
 * not ship, or a failed download, leave the wording as it is: it then falls back to English.
 */
export async function ensureLocale(wording: Wording, locale: string): Promise<void> {
  const base = locale.split('-')[0] ?? locale;
  const wanted: [string, Variant][] = [
    [locale, 'standard'],
    [base, 'standard'],
    [locale, 'easy'],
    [base, 'easy'],
  ];
  for (const [l, v] of wanted) {
    if (wording.has(l, v)) continue;
    try {
      const file = await loadLocale(l, v);
      if (file && !wording.has(l, v)) wording.add(file);
    } catch {
      // Offline or blocked: English wording is shown instead.
    }
  }
}
