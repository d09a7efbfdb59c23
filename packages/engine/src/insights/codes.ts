// The national care-leaver return (SSDA903, table OC3) codes, stored as small numbers in the index.

export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export type InTouchCode = (typeof IN_TOUCH_CODES)[number];

export const ACTIV_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'] as const;
export type ActivCode = (typeof ACTIV_CODES)[number];

/** NEET: not in education, employment or training (G4 illness or disability, G5 other, G6 pregnancy or parenting). */
export const NEET_CODES: readonly ActivCode[] = ['G4', 'G5', 'G6'];

/** Accommodation type letters (the code is the letter and a suitability digit, 1 suitable, 2 unsuitable). */
export const ACCOM_TYPES = ['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z'] as const;
export type AccomType = (typeof ACCOM_TYPES)[number];

const ACCOM_PATTERN = /^([BCDEGHKRTUVWYZ][12]|S2|X2|0)$/;

/** True when `code` is a valid ACCOM code. */
export function isAccomCode(code: string): boolean {
  return ACCOM_PATTERN.test(code);
}

// Index encodings: 0 always means "not recorded".
export function encodeInTouch(code: string | undefined): number {
  return code === undefined ? 0 : IN_TOUCH_CODES.indexOf(code as InTouchCode) + 1;
}
export function encodeActiv(code: string | undefined): number {
  return code === undefined ? 0 : ACTIV_CODES.indexOf(code as ActivCode) + 1;
}
/** ACCOM: 0 not recorded, 1 the code "0" (no information), otherwise 2 + type index * 2 + (digit - 1). */
export function encodeAccom(code: string | undefined): number {
  if (code === undefined) return 0;
  if (code === '0') return 1;
  const t = ACCOM_TYPES.indexOf(code[0] as AccomType);
  return 2 + t * 2 + (code[1] === '2' ? 1 : 0);
}
export function decodeInTouch(n: number): InTouchCode | '' {
  return n === 0 ? '' : (IN_TOUCH_CODES[n - 1] ?? '');
}
export function decodeActiv(n: number): ActivCode | '' {
  return n === 0 ? '' : (ACTIV_CODES[n - 1] ?? '');
}
export function decodeAccom(n: number): string {
  if (n === 0) return '';
  if (n === 1) return '0';
  const t = ACCOM_TYPES[(n - 2) >> 1];
  return `${t}${(n - 2) & 1 ? 2 : 1}`;
}

export const IN_TOUCH_YES = encodeInTouch('YES');
export const ACTIV_NO_INFO = encodeActiv('0');
const NEET_SET = new Set(NEET_CODES.map(encodeActiv));
export function isNeet(activ: number): boolean {
  return NEET_SET.has(activ);
}
export function accomType(accom: number): AccomType | undefined {
  return accom >= 2 ? ACCOM_TYPES[(accom - 2) >> 1] : undefined;
}
export function accomUnsuitable(accom: number): boolean {
  return accom >= 2 && ((accom - 2) & 1) === 1;
}

/** A consistency rule of the return that a record breaks. */
export type Ssda903Problem =
  | 'partly-coded'
  | 'died-or-home-needs-zero-activity'
  | 'died-or-home-needs-zero-accommodation'
  | 'in-touch-needs-activity'
  | 'in-touch-needs-accommodation';

/** Plain-words explanation of each rule, for people reading an export. */
export const SSDA903_RULES: Readonly<Record<Ssda903Problem, string>> = {
  'partly-coded': 'IN_TOUCH, ACTIV and ACCOM must all be filled in or all be left blank.',
  'died-or-home-needs-zero-activity': 'When IN_TOUCH is DIED or RHOM, ACTIV must be 0.',
  'died-or-home-needs-zero-accommodation': 'When IN_TOUCH is DIED or RHOM, ACCOM must be 0.',
  'in-touch-needs-activity': 'When IN_TOUCH is YES, ACTIV must not be 0.',
  'in-touch-needs-accommodation': 'When IN_TOUCH is YES, ACCOM must not be 0.',
};

/** Check the return's consistency rules (domain notes §5). Empty list: consistent. */
export function ssda903Problems(inTouch: string, activ: string, accom: string): Ssda903Problem[] {
  const filled = [inTouch, activ, accom].filter((v) => v !== '').length;
  if (filled === 0) return [];
  if (filled !== 3) return ['partly-coded'];
  const out: Ssda903Problem[] = [];
  if (inTouch === 'DIED' || inTouch === 'RHOM') {
    if (activ !== '0') out.push('died-or-home-needs-zero-activity');
    if (accom !== '0') out.push('died-or-home-needs-zero-accommodation');
  }
  if (inTouch === 'YES') {
    if (activ === '0') out.push('in-touch-needs-activity');
    if (accom === '0') out.push('in-touch-needs-accommodation');
  }
  return out;
}
