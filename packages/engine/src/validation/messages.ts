// Plain-language messages for validation problems, in English and Welsh. Keyed by ajv keyword.
// {field} is the last part of the path in words; other placeholders come from the error's params.

export type MessageLocale = 'en' | 'cy';

type Catalogue = Record<string, string>;

const en: Catalogue = {
  required: '{field} is missing.',
  type: '{field} must be {type}.',
  enum: '{field} must be one of: {allowed}.',
  const: '{field} must be {allowed}.',
  maxLength: '{field} is too long: {actual} characters. The most you can use is {limit}.',
  minLength: '{field} cannot be empty.',
  minLengthN: '{field} is too short: it needs at least {limit} characters.',
  pattern: '{field} is not in the right form.',
  format: '{field} must be {format}.',
  additionalProperties: '"{extra}" is not something we know about here. Remove it.',
  propertyNames: '"{extra}" is not a valid name here: check its spelling and form.',
  maximum: '{field} must be {limit} or less.',
  minimum: '{field} must be {limit} or more.',
  maxItems: '{field} has too many entries: the most is {limit}.',
  minItems: '{field} needs at least {limit} {entries}.',
  minProperties: '{field} needs at least {limit} answer.',
  other: '{field} is not valid.',
  root: 'The document',
  'type.string': 'text',
  'type.number': 'a number',
  'type.integer': 'a whole number',
  'type.boolean': 'yes or no (true or false)',
  'type.object': 'a group of fields',
  'type.array': 'a list',
  'type.null': 'empty',
  'format.date': 'a date like 2008-02-29',
  'format.date-time': 'a date and time like 2025-03-01T14:30:00Z',
  'format.email': 'an email address',
  'format.uri': 'a web address',
  entry: 'entry',
  entries: 'entries',
  or: 'or',
};

const cy: Catalogue = {
  required: 'Mae {field} ar goll.',
  type: 'Rhaid i {field} fod o’r math hwn: {type}.',
  enum: 'Rhaid i {field} fod yn un o: {allowed}.',
  const: 'Rhaid i {field} fod fel hyn: {allowed}.',
  maxLength: 'Mae {field} yn rhy hir: {actual} nod. Yr uchafswm yw {limit}.',
  minLength: 'Ni all {field} fod yn wag.',
  minLengthN: 'Mae {field} yn rhy fyr: mae angen o leiaf {limit} nod.',
  pattern: 'Nid yw {field} yn y ffurf gywir.',
  format: 'Rhaid i {field} fod yn y ffurf hon: {format}.',
  additionalProperties: 'Nid ydym yn gwybod am "{extra}" yma. Tynnwch ef allan.',
  propertyNames: 'Nid yw "{extra}" yn enw dilys yma: gwiriwch ei sillafu a’i ffurf.',
  maximum: 'Rhaid i {field} fod yn {limit} neu lai.',
  minimum: 'Rhaid i {field} fod yn {limit} neu fwy.',
  maxItems: 'Mae gormod o gofnodion yn {field}: yr uchafswm yw {limit}.',
  minItems: 'Mae angen o leiaf {limit} {entries} yn {field}.',
  minProperties: 'Mae angen o leiaf {limit} ateb yn {field}.',
  other: 'Nid yw {field} yn ddilys.',
  root: 'Y ddogfen',
  'type.string': 'testun',
  'type.number': 'rhif',
  'type.integer': 'rhif cyfan',
  'type.boolean': 'ie neu na (gwir neu gau)',
  'type.object': 'grŵp o feysydd',
  'type.array': 'rhestr',
  'type.null': 'gwag',
  'format.date': 'dyddiad fel 2008-02-29',
  'format.date-time': 'dyddiad ac amser fel 2025-03-01T14:30:00Z',
  'format.email': 'cyfeiriad e-bost',
  'format.uri': 'cyfeiriad gwe',
  entry: 'cofnod',
  entries: 'cofnod',
  or: 'neu',
};

const catalogues: Record<MessageLocale, Catalogue> = { en, cy };

/**
 * Words for field names where the humanised property name would read badly (English) or is English (Welsh).
 * Fields not listed are shown as their name in words: `dateOfBirth` → "date of birth".
 */
const labels: Record<MessageLocale, Record<string, string>> = {
  en: { amountPence: 'amount in pence', pa: 'PA', dbsDone: 'DBS check date', ssda903: 'SSDA903 fields' },
  cy: {
    value: 'ateb',
    note: 'nodyn',
    help: 'help',
    by: 'pwy atebodd',
    at: 'amser',
    locale: 'iaith',
    variant: 'fersiwn y geiriad',
    mood: 'hwyl',
    moods: 'hwyliau',
    name: 'enw',
    preferredName: 'enw dewisol',
    dateOfBirth: 'dyddiad geni',
    category: 'categori',
    address: 'cyfeiriad',
    carers: 'gofalwyr',
    period: 'cyfnod',
    amountPence: 'swm mewn ceiniogau',
    goal: 'nod',
    what: 'beth',
    who: 'pwy',
    byWhen: 'erbyn pryd',
    contingency: 'cynllun wrth gefn',
    version: 'fersiwn',
    youngPerson: 'person ifanc',
    pa: 'ymgynghorydd personol',
    author: 'awdur',
  },
};

/** A field's name in words for a locale, or undefined to humanise the property name. */
export function fieldLabel(locale: MessageLocale, name: string): string | undefined {
  const table = labels[locale];
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Pick the message catalogue for a BCP 47 locale: Welsh for `cy…`, English otherwise. */
export function messageLocale(locale: string | undefined): MessageLocale {
  return locale?.toLowerCase().startsWith('cy') ? 'cy' : 'en';
}

export function message(locale: MessageLocale, key: string, vars: Record<string, string | number> = {}): string {
  const cat = catalogues[locale];
  const text = (Object.hasOwn(cat, key) ? cat[key] : Object.hasOwn(en, key) ? en[key] : key) ?? key;
  const out = text.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(vars, k) ? String(vars[k]) : m));
  // Welsh: "i" and "yw" join the article of "Y ddogfen" (the document): "i’r ddogfen", "yw’r ddogfen".
  return locale === 'cy' ? out.replace(/\b(i|yw) Y ddogfen/g, '$1’r ddogfen') : out;
}
