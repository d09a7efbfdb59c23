import { describe, expect, it } from 'vitest';
import {
  allShippedWording,
  ContentError,
  cyWording,
  DEFAULT_LOCALE,
  enGBEasyWording,
  enGBWording,
  type LocaleFile,
  loadLocale,
  loadQuestionSet,
  questionSet,
  SHIPPED_LOCALES,
  shippedLocales,
  shippedWording,
  Wording,
} from '../src/index.js';

const v2 = questionSet(2);

function file(
  locale: string,
  variant: 'standard' | 'easy',
  questions: Record<string, string>,
  extra: Partial<LocaleFile> = {},
): LocaleFile {
  return {
    meta: { locale, variant, name: locale, dir: locale === 'ar' ? 'rtl' : 'ltr', status: 'draft' },
    domains: {},
    questions,
    ...extra,
  };
}

describe('shipped locales', () => {
  it('en-GB, en-GB easy read, Welsh and Arabic are shipped, each with every question of version 2 and the retired v1 question', () => {
    expect(shippedLocales().map((f) => [f.meta.locale, f.meta.variant])).toEqual(
      SHIPPED_LOCALES.map((l) => [l.locale, l.variant]),
    );
    for (const f of shippedLocales()) {
      for (const q of v2.questions)
        expect(f.questions[q.id], `${f.meta.locale} ${f.meta.variant} ${q.id}`).toBeTruthy();
      expect(f.questions['independence.id-documents']).toBeTruthy();
      expect(Object.keys(f.questions)).toHaveLength(67);
      expect(Object.keys(f.domains).sort()).toEqual(v2.domains.map((d) => d.id).sort());
      // The widgets ship their own words for English and Welsh; Arabic's are in its file (fetched with it).
      expect(f.ui === undefined).toBe(f.meta.locale !== 'ar');
    }
  });

  it('Welsh is marked as a draft awaiting review by Welsh speakers', () => {
    expect(cyWording.meta).toMatchObject({ locale: 'cy', name: 'Cymraeg', status: 'draft', dir: 'ltr' });
    expect(cyWording.meta.note).toMatch(/awaiting review by Welsh speakers/);
  });

  it('en-GB explains hard words in hints', () => {
    for (const id of ['housing.register', 'independence.ni-number', 'identity.asylum']) {
      expect(enGBWording.hints?.[id]).toBeTruthy();
      expect(enGBEasyWording.hints?.[id]).toBeTruthy();
    }
  });

  it('easy-read questions are short: 12 words or fewer, one question each', () => {
    for (const [id, text] of Object.entries(enGBEasyWording.questions)) {
      expect(text.split(/\s+/).length, id).toBeLessThanOrEqual(12);
      expect(text.match(/\?/g), id).toHaveLength(1);
    }
  });

  it('loadLocale loads each shipped file on demand', async () => {
    expect(await loadLocale('cy')).toEqual(cyWording);
    expect(await loadLocale('en-GB', 'easy')).toEqual(enGBEasyWording);
    expect(await loadLocale('en-GB')).toEqual(enGBWording);
    expect(await loadLocale('fr')).toBeUndefined();
    expect(await loadLocale('cy', 'easy')).toBeUndefined();
  });

  it('shippedWording always holds en-GB; allShippedWording holds all four', () => {
    expect(
      shippedWording()
        .list()
        .map((f) => f.meta.locale),
    ).toEqual(['en-GB']);
    expect(shippedWording([cyWording]).has('cy', 'standard')).toBe(true);
    expect(allShippedWording().list()).toHaveLength(4);
  });
});

describe('wording fallback chain', () => {
  const w = allShippedWording();

  it('gives the requested locale and variant when it has the text', () => {
    expect(w.question('housing.heating', { locale: 'cy', variant: 'standard' })).toEqual({
      text: cyWording.questions['housing.heating'],
      locale: 'cy',
      variant: 'standard',
      dir: 'ltr',
    });
    expect(w.question('housing.heating', { locale: 'en-GB', variant: 'easy' }).text).toBe(
      'Can you keep your home warm?',
    );
  });

  it('Welsh easy read falls back to Welsh standard before English easy read (language before variant)', () => {
    expect(w.chain({ locale: 'cy', variant: 'easy' }).map((f) => `${f.meta.locale}/${f.meta.variant}`)).toEqual([
      'cy/standard',
      'en-GB/easy',
      'en-GB/standard',
    ]);
    expect(w.question('housing.heating', { locale: 'cy', variant: 'easy' })).toMatchObject({
      locale: 'cy',
      variant: 'standard',
    });
  });

  it('a regional locale falls back to its base language, an unknown one to en-GB', () => {
    expect(w.question('health.gp', { locale: 'cy-GB', variant: 'standard' }).locale).toBe('cy');
    expect(w.question('health.gp', { locale: 'fr', variant: 'easy' })).toMatchObject({
      locale: DEFAULT_LOCALE,
      variant: 'easy',
    });
  });

  it('a question missing from a locale falls through the chain, and the id shows when no file has it', () => {
    const council = new Wording([
      enGBWording,
      file('ar', 'standard', { 'housing.heating': 'هل يمكنك تدفئة منزلك بما يكفي؟' }),
    ]);
    expect(council.question('housing.heating', { locale: 'ar', variant: 'easy' })).toEqual({
      text: 'هل يمكنك تدفئة منزلك بما يكفي؟',
      locale: 'ar',
      variant: 'standard',
      dir: 'rtl',
    });
    expect(council.question('housing.safe', { locale: 'ar', variant: 'standard' })).toMatchObject({
      locale: 'en-GB',
      dir: 'ltr',
    });
    expect(council.dir({ locale: 'ar', variant: 'standard' })).toBe('rtl');
    expect(council.question('housing.nothing', { locale: 'ar', variant: 'standard' })).toEqual({
      text: 'housing.nothing',
      locale: 'en-GB',
      variant: 'standard',
      dir: 'ltr',
    });
  });

  it('a council file replaces the shipped one of the same locale and variant', () => {
    const mine = file('en-GB', 'standard', { 'housing.heating': 'Is your place warm enough?' });
    const council = shippedWording([enGBEasyWording]).add(mine);
    expect(council.question('housing.heating', { locale: 'en-GB', variant: 'standard' }).text).toBe(
      'Is your place warm enough?',
    );
    expect(council.list()).toHaveLength(2);
    // A replacement file must be complete (the content check says so): en-GB standard is the end of the chain.
    expect(council.question('housing.safe', { locale: 'en-GB', variant: 'standard' }).text).toBe('housing.safe');
    expect(council.question('housing.safe', { locale: 'en-GB', variant: 'easy' }).text).toBe(
      'Do you feel safe at home?',
    );
  });

  it('hints, domains and ui strings follow the same chain', () => {
    expect(w.hint('independence.ni-number', { locale: 'cy', variant: 'easy' })?.locale).toBe('cy');
    expect(w.hint('housing.essentials', { locale: 'cy', variant: 'standard' })).toBeUndefined();
    // The hint comes from the file the question came from: no English easy-read hint under a Welsh question.
    expect(w.hint('housing.essentials', { locale: 'cy', variant: 'easy' })).toBeUndefined();
    const partial = new Wording([enGBWording, file('cy', 'standard', {}, { hints: { 'housing.heating': 'Awgrym' } })]);
    expect(partial.hint('housing.heating', { locale: 'cy', variant: 'standard' })).toBeUndefined();
    expect(partial.hint('independence.ni-number', { locale: 'cy', variant: 'standard' })?.locale).toBe('en-GB');
    expect(w.hint('housing.essentials', { locale: 'en-GB', variant: 'easy' })?.text).toBe(
      'For example a bed, a cooker and a fridge.',
    );
    expect(w.domain('careers', { locale: 'cy', variant: 'standard' })).toEqual({
      title: 'Addysg, hyfforddiant a gwaith',
      description: cyWording.domains.careers?.description,
      locale: 'cy',
    });
    expect(w.domain('careers', { locale: 'en-GB', variant: 'easy' }).title).toBe('Learning and work');
    expect(w.domain('nowhere', { locale: 'cy', variant: 'standard' })).toEqual({
      title: 'nowhere',
      description: '',
      locale: 'en-GB',
    });
    const ui = new Wording([
      file('en-GB', 'standard', {}, { ui: { 'progress.count': '{done} of {total} answered, {name}' } }),
    ]);
    expect(ui.ui('progress.count', { locale: 'cy', variant: 'standard' }, { done: 3, total: 66 })).toBe(
      '3 of 66 answered, {name}',
    );
    expect(ui.ui('missing.key', { locale: 'en-GB', variant: 'standard' })).toBe('missing.key');
  });

  it('works out each fallback chain once, and again after a file is added', () => {
    const words = new Wording([enGBWording]);
    const req = { locale: 'cy', variant: 'standard' } as const;
    expect(words.question('housing.heating', req).locale).toBe('en-GB');
    // chain() hands out a copy: changing it cannot change later lookups.
    words.chain(req).length = 0;
    expect(words.question('housing.heating', req).locale).toBe('en-GB');
    // A file added later is seen by every lookup after it (the kept chains are dropped).
    const rev = words.revision;
    words.add(cyWording);
    expect(words.revision).toBe(rev + 1);
    expect(words.question('housing.heating', req).locale).toBe('cy');
    expect(words.chain(req).map((f) => f.meta.locale)).toEqual(['cy', 'en-GB']);
    expect(words.dir(req)).toBe('ltr');
  });

  it('snapshot freezes the exact text of every question as shown, for an authorised plan', () => {
    const snap = w.snapshot(v2, { locale: 'cy', variant: 'easy' });
    expect(Object.keys(snap)).toEqual(v2.questions.map((q) => q.id));
    expect(snap['housing.heating']).toBe(cyWording.questions['housing.heating']);
    const v1snap = w.snapshot(questionSet(1), { locale: 'en-GB', variant: 'easy' });
    expect(v1snap['independence.id-documents']).toBe('Do you have a passport and a birth certificate?');
  });
});

describe('loadQuestionSet', () => {
  it('reads domains and questions in schema order, with icons and help questions', () => {
    const set = loadQuestionSet({
      'x-onward-question-set': 'council.extra',
      'x-onward-version': 1,
      properties: {
        answers: {
          properties: {
            pets: { 'x-onward-icon': 'paw', properties: { fed: {}, 'enough-help': { 'x-onward-kind': 'help' } } },
          },
        },
      },
    });
    expect(set).toMatchObject({ id: 'council.extra', version: 1 });
    expect(set.domains).toEqual([
      {
        id: 'pets',
        icon: 'paw',
        questions: [
          { id: 'pets.fed', domain: 'pets', key: 'fed', kind: 'question' },
          { id: 'pets.enough-help', domain: 'pets', key: 'enough-help', kind: 'help' },
        ],
      },
    ]);
    expect(set.byId.get('pets.fed')?.kind).toBe('question');
  });

  it.each([
    [null, 'The schema has no "x-onward-question-set" name.'],
    [{ 'x-onward-question-set': 'a' }, 'The schema has no whole-number "x-onward-version".'],
    [{ 'x-onward-question-set': 'a', 'x-onward-version': 1.5 }, 'The schema has no whole-number "x-onward-version".'],
    [{ 'x-onward-question-set': 'a', 'x-onward-version': 1 }, 'The schema has no "answers" domains.'],
    [
      { 'x-onward-question-set': 'a', 'x-onward-version': 1, properties: { answers: { properties: [] } } },
      'The schema\'s "answers" domains must be an object, not a list.',
    ],
    [
      { 'x-onward-question-set': 'a', 'x-onward-version': 1, properties: { answers: { properties: { money: null } } } },
      'Domain "money" is not an object.',
    ],
    [
      {
        'x-onward-question-set': 'a',
        'x-onward-version': 1,
        properties: { answers: { properties: { money: { properties: {} } } } },
      },
      'Domain "money" has no questions.',
    ],
    [
      {
        'x-onward-question-set': 'a',
        'x-onward-version': 1,
        properties: { answers: { properties: { money: { properties: { bank: true } } } } },
      },
      'Question "money.bank" is not an object.',
    ],
  ])('%j → %s', (schema, message) => {
    expect(() => loadQuestionSet(schema)).toThrow(new ContentError(message));
  });

  it('questionSet() knows versions 1 and 2 only', () => {
    expect(questionSet()).toBe(questionSet(2));
    expect(() => questionSet(3)).toThrow(new ContentError('There is no question set version 3. Known versions: 1, 2.'));
  });
});
