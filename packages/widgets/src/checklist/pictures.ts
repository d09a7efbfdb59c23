// A picture beside each easy-read question: simple line drawings made for Onward (48 × 48, dark lines, no fill),
// one per question of the current question set. This module is its own file in the prebuilt script
// (dist/onward-pictures.js), fetched only when easy read is on, so the checklist's first load does not grow.
// Alternative text is content, not code: each locale file's `pictures` map (see docs/content.md). Everything
// about pictures is here, so the first load only holds the call that fetches this file.
import { loadLocale, type Wording, type WordingRequest } from '@onward/engine';

const p = (d: string) => `<path d="${d}"/>`;
const c = (x: number, y: number, r: number) => `<circle cx="${x}" cy="${y}" r="${r}"/>`;
const r = (x: number, y: number, w: number, h: number) => `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="2"/>`;
/** A smaller copy of a drawing in the top left corner, for "enough help" pictures. */
const small = (inner: string) => `<g transform="translate(1 1) scale(.62)">${inner}</g>`;
const person = (x: number, y: number, s = 1) =>
  c(x, y, 4.5 * s) +
  p(
    `M${x - 9 * s} ${y + 22 * s}c0-${7 * s} ${4 * s}-${12 * s} ${9 * s}-${12 * s}s${9 * s} ${5 * s} ${9 * s} ${12 * s}`,
  );

const HOUSE = p('M6 22 24 7l18 15M11 18v22h26V18') + p('M21 40V30h6v10');
const CROSS = c(24, 24, 17) + p('M20 13h8v7h7v8h-7v7h-8v-7h-7v-8h7z');
const TWO = person(15, 14) + person(33, 14);
const NOTE = p('M18 36V10l20-4v26') + c(14, 36, 4) + c(34, 32, 4);
const COINS = p(
  'M10 16c0-2 6-4 14-4s14 2 14 4-6 4-14 4-14-2-14-4zM10 16v18c0 2 6 4 14 4s14-2 14-4V16M10 22c0 2 6 4 14 4s14-2 14-4M10 28c0 2 6 4 14 4s14-2 14-4',
);
const BOOK = p('M24 12c-5-4-12-4-18-2v28c6-2 13-2 18 2 5-4 12-4 18-2V10c-6-2-13-2-18 2zM24 12v28');
const TICKS = p('M8 12l3 3 5-5M8 24l3 3 5-5M8 36l3 3 5-5M22 13h18M22 25h18M22 37h18');
const BRIEFCASE = r(6, 16, 36, 24) + p('M18 16v-5h12v5M6 26h36');
const PASSPORT = r(11, 6, 26, 36) + c(24, 22, 7) + p('M17 22h14M24 15c-3 4-3 10 0 14M24 15c3 4 3 10 0 14M18 35h12');
const HEART = p('M24 40S8 30 8 18a8 8 0 0 1 16-3 8 8 0 0 1 16 3c0 12-16 22-16 22z');
const SHIELD = p('M24 5l15 6v12c0 9-6 16-15 20C15 39 9 32 9 23V11z');
/** A lifebuoy in the bottom right corner: help. */
const HELP = c(36, 36, 9) + c(36, 36, 4) + p('M30 30l3 3M42 30l-3 3M30 42l3-3M42 42l-3-3');

/** The inner SVG markup of each question's picture. */
export const PICTURE_MARKUP: Readonly<Record<string, string>> = {
  'housing.own-space': HOUSE.replace(p('M21 40V30h6v10'), '') + person(24, 25, 0.6),
  'housing.heating':
    r(8, 18, 32, 18) +
    p('M16 18v18M24 18v18M32 18v18M12 36v4M36 36v4M16 13c-2-2 2-4 0-7M24 13c-2-2 2-4 0-7M32 13c-2-2 2-4 0-7'),
  'housing.essentials': p('M6 10v30M42 26v14M6 34h36M6 26h36') + r(10, 19, 10, 7),
  'housing.tenant-rights': c(15, 24, 8) + c(15, 24, 2) + p('M23 24h19M36 24v6M41 24v5'),
  'housing.stable': HOUSE.replace(p('M21 40V30h6v10'), '') + p('M17 29l5 5 9-9'),
  'housing.safe': SHIELD + p('M17 26l7-6 7 6M19 24v9h10v-9'),
  'housing.transport':
    p('M10 12a4 4 0 0 1 4-4h20a4 4 0 0 1 4 4v24H10zM10 22h28M14 30h3M31 30h3') + c(16, 39, 3) + c(32, 39, 3),
  'housing.register': r(12, 8, 24, 34) + p('M19 8V5h10v3M17 18h14M17 25h14M17 32h9'),
  'housing.repair': r(8, 7, 20, 9) + p('M18 16v26M28 11h6'),
  'housing.how-long': c(24, 24, 17) + p('M24 13v11l7 5'),
  'housing.next-move': p('M4 26l10-9 10 9M7 24v14h14V24M28 31h14M37 26l5 5-5 5'),
  'housing.manage-home': p('M34 5 22 29M12 29h16l2 11H10zM15 33v7M20 33v7M25 33v7'),
  'housing.internet': p('M7 20a24 24 0 0 1 34 0M12 26a17 17 0 0 1 24 0M17 32a10 10 0 0 1 14 0') + c(24, 38, 2),
  'housing.enough-help': small(HOUSE) + HELP,
  'health.gp': CROSS,
  'health.appointments': r(8, 10, 32, 30) + p('M8 18h32M16 6v8M32 6v8M17 29l5 5 9-9'),
  'health.feel-healthy': c(24, 24, 17) + c(18, 20, 1.5) + c(30, 20, 1.5) + p('M17 29c4 5 10 5 14 0'),
  'health.drugs-alcohol':
    p('M13 6h8M15 6v8l-4 6v20h12V20l-4-6V6M11 28h12') + p('M30 34l8-8a4 4 0 0 1 6 6l-8 8a4 4 0 0 1-6-6zM34 30l6 6'),
  'health.emotions': HEART,
  'health.mental-health':
    p('M30 43v-8h4a3 3 0 0 0 3-3v-5l3-1-3-7c0-8-6-14-15-14C14 5 8 11 8 19c0 5 2 9 6 12v12') +
    p('M22 21c-2-3-7-1-5 3l5 5 5-5c2-4-3-6-5-3z'),
  'health.enough-help': small(CROSS) + HELP,
  'relationships.family-contact': person(15, 12) + person(33, 22, 0.7),
  'relationships.other-contact': p('M5 8h22v14H14l-5 5v-5H5zM21 26h22v12h-3v5l-5-5H21z'),
  'relationships.trusted-adult': person(20, 14) + p('M38 10c-1-2-5-1-4 2l4 4 4-4c1-3-3-4-4-2z'),
  'relationships.someone-to-ask': person(16, 16) + p('M28 5h16v14h-8l-4 4V5zM33 10a3 3 0 1 1 3 3v1M36 16v.5'),
  'relationships.friendships': person(10, 18, 0.7) + person(24, 14) + person(38, 18, 0.7),
  'relationships.relationships': TWO + p('M21 29h6'),
  'relationships.safe': SHIELD + p('M24 31s-7-4-7-9a3.5 3.5 0 0 1 7-1 3.5 3.5 0 0 1 7 1c0 5-7 9-7 9z'),
  'relationships.enough-help': small(TWO) + HELP,
  'activities.sport': c(24, 24, 17) + p('M24 17l7 5-3 8h-8l-3-8zM24 17V7M31 22l9-3M28 30l5 8M20 30l-5 8M17 22l-9-3'),
  'activities.other': NOTE,
  'activities.find-out': c(20, 20, 12) + p('M29 29l12 12'),
  'activities.enough-help': small(NOTE) + HELP,
  'money.bank-account': p('M6 18 24 8l18 10zM10 22v14M18 22v14M30 22v14M38 22v14M6 40h36'),
  'money.enough': COINS,
  'money.debt': r(12, 6, 24, 36) + p('M17 14h14M17 20h9M29 37h-9c3-2 3-5 2-8-1-3 4-5 6-3M19 33h7'),
  'money.confident': p('M8 14h30v26H8zM8 14l22-8 3 8M28 23h12v9H28z'),
  'money.entitlements': c(24, 14, 8) + p('M6 34h8l8 4h10a3 3 0 0 0 0-6h-7M6 43h24l12-8a3 3 0 0 0-4-5l-7 4'),
  'money.enough-help': small(COINS) + HELP,
  'careers.doing': BOOK,
  'careers.stable': BRIEFCASE + p('M19 32l4 4 7-7'),
  'careers.qualifications': r(6, 8, 36, 24) + p('M12 16h24M12 22h14M31 34l-2 9 5-3 5 3-2-9') + c(34, 30, 5),
  'careers.work-experience': BRIEFCASE,
  'careers.advice': p('M24 6v36M16 42h16M24 10h14l4 4-4 4H24M24 22H10l-4 4 4 4h14'),
  'careers.goals': p('M4 42 18 24l8 8 6-6 12 16zM26 32V8l12 5-12 5'),
  'careers.happy': p('M24 5l5 12 13 1-10 8 3 13-11-7-11 7 3-13-10-8 13-1z'),
  'careers.enough-help': small(BOOK) + HELP,
  'independence.online-safety': r(12, 22, 24, 20) + p('M17 22v-6a7 7 0 0 1 14 0v6M24 32v4') + c(24, 31, 1.5),
  'independence.skills': TICKS,
  'independence.cook': c(20, 28, 12) + p('M32 28h12M15 6c-2 2 2 4 0 7M23 6c-2 2 2 4 0 7'),
  'independence.say-in-plan': r(6, 14, 22, 28) + p('M11 22h12M11 28h12M11 34h8M27 5h16v12h-7l-4 4v-4h-5z'),
  'independence.email': r(6, 12, 36, 24) + p('M6 13l18 14 18-14'),
  'independence.passport': PASSPORT,
  'independence.birth-certificate': r(10, 6, 28, 36) + p('M16 14h16M16 20h16M16 26h9') + c(30, 34, 4),
  'independence.driving-licence': p('M6 32v-8l6-10h24l6 10v8zM10 24h28') + c(14, 33, 4) + c(34, 33, 4),
  'independence.ni-number': r(6, 12, 36, 24) + p('M11 20h12M11 27h26M11 32h16') + c(35, 20, 3),
  'independence.enough-help': small(TICKS) + HELP,
  'independence.id-documents': PASSPORT,
  'identity.understand':
    p('M24 4c8 0 13 8 13 17s-5 17-13 17-13-8-13-17S16 4 24 4zM24 38v5M17 44h14') + person(24, 15, 0.55),
  'identity.belonging': c(24, 24, 19) + person(16, 19, 0.5) + person(24, 14, 0.5) + person(32, 19, 0.5),
  'identity.rights': p('M24 6v34M14 42h20M10 12h28M10 12l-6 14h12zM38 12l-6 14h12z'),
  'identity.past': r(8, 10, 32, 28) + c(17, 19, 3) + p('M8 34l10-9 8 7 5-5 9 8'),
  'identity.culture': c(24, 24, 17) + p('M7 24h34M24 7c-7 5-7 29 0 34M24 7c7 5 7 29 0 34M10 15h28M10 33h28'),
  'identity.respected': TWO + p('M20 4l3 3 5-5'),
  'identity.sexuality': p('M5 38a19 19 0 0 1 38 0M11 38a13 13 0 0 1 26 0M17 38a7 7 0 0 1 14 0'),
  'identity.choices': p('M24 43V26L12 13M24 26l12-13M12 13h6M12 13v6M36 13h-6M36 13v6'),
  'identity.asylum': r(8, 6, 24, 34) + p('M13 14h14M13 20h14M13 26h7') + c(33, 32, 9) + p('M29 32l3 3 5-5'),
};

/** Pictures that show a direction, mirrored for right-to-left languages. */
export const DIRECTIONAL: ReadonlySet<string> = new Set(['housing.next-move', 'careers.advice']);

/** The whole SVG of a question's picture, or undefined when it has none. */
export function pictureSvg(id: string): string | undefined {
  const inner = PICTURE_MARKUP[id];
  return inner === undefined
    ? undefined
    : `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${inner}</svg>`;
}

const baseOf = (locale: string) => (locale.split('-')[0] ?? locale).toLowerCase();
/** The shipped alternative text by locale, read from the whole locale files (the first load's copies leave it out). */
const shipped = new Map<string, Readonly<Record<string, string>>>();

/** Fetch the shipped alt text for `locale`, its base language and en-GB. Resolves when `picture` can answer. */
export async function load(locale: string): Promise<{ picture: typeof picture }> {
  for (const l of ['en-GB', baseOf(locale), locale])
    if (!shipped.has(l)) shipped.set(l, (await loadLocale(l, 'standard').catch(() => undefined))?.pictures ?? {});
  return { picture };
}

/**
 * A question's picture: its SVG markup (drawn inline, in the text colour: a data: or blob: image would be blocked
 * by a portal's strict Content-Security-Policy), the class (directional pictures are mirrored in right-to-left
 * pages) and the alt text, for the wrapper's role="img" and aria-label: the wording's own in the request's language (a council's file), else the shipped text
 * for the locale, its base language, then en-GB. Undefined until `load` has fetched the locale's text.
 */
export function picture(id: string, req: WordingRequest, wording: Wording) {
  const svg = pictureSvg(id);
  if (!svg || !shipped.has(req.locale)) return undefined;
  const lang = baseOf(req.locale);
  const own = wording.chain(req).find((f) => baseOf(f.meta.locale) === lang && f.pictures?.[id]);
  const alt =
    own?.pictures?.[id] ?? shipped.get(req.locale)?.[id] ?? shipped.get(lang)?.[id] ?? shipped.get('en-GB')?.[id];
  return alt ? { svg, alt, cls: DIRECTIONAL.has(id) ? 'o-pic o-flip' : 'o-pic' } : undefined;
}
