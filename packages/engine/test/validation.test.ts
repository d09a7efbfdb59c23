import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assertValid,
  cyWording,
  DOCUMENT_KINDS,
  emptyChecklist,
  enGBEasyWording,
  enGBWording,
  questionSet,
  setAnswer,
  ValidationError,
  validate,
} from '../src/index.js';
import { type Loose, validAgreement, validCheckIn, validChecklist, validPlan, who } from './validation.fixtures.js';

type Row = [path: string, message: string];
function problems(kind: Parameters<typeof validate>[0], doc: unknown, locale?: string): Row[] {
  const r = validate(kind, doc, locale ? { locale } : {});
  if (r.ok) throw new Error(`expected ${kind} to be invalid`);
  return r.errors.map((e) => [e.path, e.message]);
}

describe('valid documents pass', () => {
  it.each([
    ['checklist', validChecklist()],
    ['check-in', validCheckIn()],
    ['pathway-plan', validPlan()],
    ['living-together-agreement', validAgreement()],
    ['locale', enGBWording],
    ['locale', enGBEasyWording],
    ['locale', cyWording],
  ] as const)('%s', (kind, doc) => {
    expect(validate(kind, doc)).toEqual({ ok: true, value: doc });
  });

  it('a checklist built with setAnswer is valid, in both versions', () => {
    for (const version of [1, 2]) {
      const set = questionSet(version);
      let doc = emptyChecklist(set);
      for (const q of set.questions) doc = setAnswer(set, doc, q.id, { value: 'not-relevant' }, who);
      expect(validate('checklist', doc).ok).toBe(true);
    }
  });

  it('a note of exactly 500 characters (counted as characters, not UTF-16 units) is allowed', () => {
    const doc = validChecklist();
    doc.answers.housing.heating.note = '🏠'.repeat(500);
    expect(validate('checklist', doc).ok).toBe(true);
  });
});

describe('checklist answers', () => {
  it('names each bad field in plain words', () => {
    const doc = {
      questionSet: 'onward.outcomes',
      version: 2,
      answers: {
        housing: { heating: { ...who, value: 'maybe', note: 'x'.repeat(501) }, sofa: { ...who, value: 'yes' } },
      },
    };
    expect(problems('checklist', doc)).toEqual([
      ['answers.housing.sofa', '"sofa" is not something we know about here. Remove it.'],
      ['answers.housing.heating.value', '"value" must be one of: yes, no, not-relevant.'],
      ['answers.housing.heating.note', '"note" is too long: 501 characters. The most you can use is 500.'],
    ]);
  });

  it('wrong types, a missing field and an extra property, in English and Welsh', () => {
    const doc = validChecklist() as Record<string, unknown> & ReturnType<typeof validChecklist>;
    (doc as Record<string, unknown>).version = '2';
    (doc.answers.housing.heating as Record<string, unknown>).help = 'yes';
    delete (doc.answers.money['bank-account'] as Record<string, unknown>).by;
    (doc as Record<string, unknown>).extra = 1;
    expect(problems('checklist', doc)).toEqual([
      ['extra', '"extra" is not something we know about here. Remove it.'],
      ['version', '"version" must be 2.'],
      ['answers.housing.heating.help', '"help" must be yes or no (true or false).'],
      ['answers.money.bank-account.by', '"by" is missing.'],
    ]);
    expect(problems('checklist', doc, 'cy')).toEqual([
      ['extra', 'Nid ydym yn gwybod am "extra" yma. Tynnwch ef allan.'],
      ['version', 'Rhaid i "fersiwn" fod fel hyn: 2.'],
      ['answers.housing.heating.help', 'Rhaid i "help" fod o’r math hwn: ie neu na (gwir neu gau).'],
      ['answers.money.bank-account.by', 'Mae "pwy atebodd" ar goll.'],
    ]);
  });

  it('a version 1 checklist is checked against version 1: the split questions are unknown there', () => {
    const doc = {
      questionSet: 'onward.outcomes',
      version: 1,
      answers: { independence: { passport: { ...who, value: 'yes' } } },
    };
    expect(problems('checklist', doc)).toEqual([
      ['answers.independence.passport', '"passport" is not something we know about here. Remove it.'],
    ]);
    const old = {
      questionSet: 'onward.outcomes',
      version: 1,
      answers: { independence: { 'id-documents': { ...who, value: 'yes' } } },
    };
    expect(validate('checklist', old).ok).toBe(true);
  });

  it('a document that is not an object gets one message about the whole document', () => {
    for (const doc of [null, [], 'checklist', 42]) {
      expect(problems('checklist', doc)).toEqual([['', 'The document must be a group of fields.']]);
      expect(problems('checklist', doc, 'cy-GB')).toEqual([
        ['', 'Rhaid i’r ddogfen fod o’r math hwn: grŵp o feysydd.'],
      ]);
    }
  });

  it('bad provenance: locale form, variant and time', () => {
    const doc = validChecklist();
    Object.assign(doc.answers.housing.heating, { locale: 'Welsh', variant: 'simple', at: 'yesterday' });
    expect(problems('checklist', doc)).toEqual([
      ['answers.housing.heating.locale', '"locale" is not in the right form.'],
      ['answers.housing.heating.variant', '"variant" must be one of: standard, easy.'],
      ['answers.housing.heating.at', '"at" must be a date and time like 2025-03-01T14:30:00Z.'],
    ]);
  });
});

describe('check-in', () => {
  it('wrong author, unknown mood, note over 280, unknown domain, missing time', () => {
    const doc = validCheckIn() as Loose;
    doc.author = 'worker';
    doc.moods.housing.mood = 'great';
    doc.moods.money.note = 'x'.repeat(281);
    doc.moods.sleep = { mood: 'ok' };
    delete doc.at;
    expect(problems('check-in', doc)).toEqual([
      ['at', '"at" is missing.'],
      ['author', '"author" must be young-person.'],
      ['moods.sleep', '"sleep" is not something we know about here. Remove it.'],
      ['moods.housing.mood', '"mood" must be one of: good, ok, bad.'],
      ['moods.money.note', '"note" is too long: 281 characters. The most you can use is 280.'],
    ]);
    expect(problems('check-in', doc, 'cy')).toEqual([
      ['at', 'Mae "amser" ar goll.'],
      ['author', 'Rhaid i "awdur" fod fel hyn: young-person.'],
      ['moods.sleep', 'Nid ydym yn gwybod am "sleep" yma. Tynnwch ef allan.'],
      ['moods.housing.mood', 'Rhaid i "hwyl" fod yn un o: good, ok, bad.'],
      ['moods.money.note', 'Mae "nodyn" yn rhy hir: 281 nod. Yr uchafswm yw 280.'],
    ]);
  });

  it('needs at least one mood, and a help flag must be true or false', () => {
    const doc = { ...validCheckIn(), moods: {} };
    expect(problems('check-in', doc)).toEqual([['moods', '"moods" needs at least 1 answer.']]);
    const doc2 = { ...validCheckIn(), moods: { health: { mood: 'ok', help: 'please' } } };
    expect(problems('check-in', doc2)).toEqual([['moods.health.help', '"help" must be yes or no (true or false).']]);
  });
});

describe('pathway plan', () => {
  it('names every problem, down into goals and the embedded checklist', () => {
    const doc = validPlan() as Loose;
    doc.youngPerson.category = 'care-leaver';
    doc.youngPerson.dateOfBirth = '29/02/2008';
    delete doc.pa;
    doc.domains.housing.goals[0].actions[0].byWhen = 5;
    doc.views.youngPerson = 'y'.repeat(4001);
    doc.colour = 'red';
    doc.checklist.answers.housing.heating.value = 'maybe';
    expect(problems('pathway-plan', doc)).toEqual([
      ['pa', '"PA" is missing.'],
      ['colour', '"colour" is not something we know about here. Remove it.'],
      ['youngPerson.dateOfBirth', '"date of birth" must be a date like 2008-02-29.'],
      ['youngPerson.category', '"category" must be one of: eligible, relevant, former-relevant, qualifying.'],
      ['checklist.answers.housing.heating.value', '"value" must be one of: yes, no, not-relevant.'],
      ['domains.housing.goals.0.actions.0.byWhen', '"by when" must be text.'],
      ['views.youngPerson', '"young person" is too long: 4001 characters. The most you can use is 4000.'],
    ]);
    expect(problems('pathway-plan', doc, 'cy')).toEqual([
      ['pa', 'Mae "ymgynghorydd personol" ar goll.'],
      ['colour', 'Nid ydym yn gwybod am "colour" yma. Tynnwch ef allan.'],
      ['youngPerson.dateOfBirth', 'Rhaid i "dyddiad geni" fod yn y ffurf hon: dyddiad fel 2008-02-29.'],
      ['youngPerson.category', 'Rhaid i "categori" fod yn un o: eligible, relevant, former-relevant, qualifying.'],
      ['checklist.answers.housing.heating.value', 'Rhaid i "ateb" fod yn un o: yes, no, not-relevant.'],
      ['domains.housing.goals.0.actions.0.byWhen', 'Rhaid i "erbyn pryd" fod o’r math hwn: testun.'],
      ['views.youngPerson', 'Mae "person ifanc" yn rhy hir: 4001 nod. Yr uchafswm yw 4000.'],
    ]);
  });

  it('an empty plan lists each required section once', () => {
    expect(problems('pathway-plan', {}).map(([p]) => p)).toEqual([
      'schemaVersion',
      'id',
      'council',
      'youngPerson',
      'pa',
      'started',
      'checklist',
      'domains',
      'views',
      'engagement',
      'signOffs',
    ]);
  });

  it('an engagement attempt with an unknown method names its entry', () => {
    const doc = validPlan() as Loose;
    doc.engagement.attempts[0].method = 'carrier pigeon';
    doc.signOffs = [
      { role: 'pa', name: 'Sam', at: '2026-01-01T00:00:00Z' },
      { role: 'pa', at: '2026-01-01T00:00:00Z' },
    ];
    expect(problems('pathway-plan', doc)).toEqual([
      ['engagement.attempts.0.method', '"method" must be one of: in-person, phone, video, message, letter.'],
      ['signOffs.1.name', '"name" is missing.'],
    ]);
  });
});

describe('Living Together Agreement', () => {
  it('missing address, no carers, negative money, unknown period and house rule, empty name', () => {
    const doc = validAgreement() as Loose;
    doc.carers = [];
    doc.money.contribution.amountPence = -5;
    doc.money.contribution.period = 'year';
    delete doc.address;
    doc.houseRules.pets = 'no';
    doc.signOffs[0].name = '';
    expect(problems('living-together-agreement', doc)).toEqual([
      ['address', '"address" is missing.'],
      ['carers', '"carers" needs at least 1 entry.'],
      ['houseRules.pets', '"pets" is not something we know about here. Remove it.'],
      ['money.contribution.amountPence', '"amount in pence" must be 0 or more.'],
      ['money.contribution.period', '"period" must be one of: week, fortnight, month.'],
      ['signOffs.0.name', '"name" cannot be empty.'],
    ]);
    expect(problems('living-together-agreement', doc, 'cy')).toEqual([
      ['address', 'Mae "cyfeiriad" ar goll.'],
      ['carers', 'Mae angen o leiaf 1 cofnod yn "gofalwyr".'],
      ['houseRules.pets', 'Nid ydym yn gwybod am "pets" yma. Tynnwch ef allan.'],
      ['money.contribution.amountPence', 'Rhaid i "swm mewn ceiniogau" fod yn 0 neu fwy.'],
      ['money.contribution.period', 'Rhaid i "cyfnod" fod yn un o: week, fortnight, month.'],
      ['signOffs.0.name', 'Ni all "enw" fod yn wag.'],
    ]);
  });

  it('a house rule over 1000 characters and a contribution that is not a whole number', () => {
    const doc = validAgreement() as Loose;
    doc.houseRules.visitors = 'v'.repeat(1001);
    doc.money.contribution.amountPence = 25.5;
    expect(problems('living-together-agreement', doc)).toEqual([
      ['houseRules.visitors', '"visitors" is too long: 1001 characters. The most you can use is 1000.'],
      ['money.contribution.amountPence', '"amount in pence" must be a whole number.'],
    ]);
  });
});

describe('locale files', () => {
  it('bad variant, missing direction, empty wording, a bad id and an extra section', () => {
    const doc = structuredClone(enGBWording) as Loose;
    doc.meta.variant = 'simple';
    delete doc.meta.dir;
    doc.questions['housing.heating'] = '';
    doc.questions['Bad Id'] = 'x';
    doc.extra = {};
    expect(problems('locale', doc)).toEqual([
      ['extra', '"extra" is not something we know about here. Remove it.'],
      ['meta.dir', '"dir" is missing.'],
      ['meta.variant', '"variant" must be one of: standard, easy.'],
      ['questions.Bad Id', '"Bad Id" is not a valid name here: check its spelling and form.'],
      ['questions.housing.heating', '"housing.heating" cannot be empty.'],
    ]);
    expect(problems('locale', doc, 'cy')).toEqual([
      ['extra', 'Nid ydym yn gwybod am "extra" yma. Tynnwch ef allan.'],
      ['meta.dir', 'Mae "dir" ar goll.'],
      ['meta.variant', 'Rhaid i "fersiwn y geiriad" fod yn un o: standard, easy.'],
      ['questions.Bad Id', 'Nid yw "Bad Id" yn enw dilys yma: gwiriwch ei sillafu a’i ffurf.'],
      ['questions.housing.heating', 'Ni all "housing.heating" fod yn wag.'],
    ]);
  });

  it('wording over 400 characters and a question that is not text', () => {
    const doc = structuredClone(cyWording) as Loose;
    doc.questions['housing.safe'] = 'a'.repeat(401);
    doc.hints['housing.register'] = 7;
    expect(problems('locale', doc)).toEqual([
      ['questions.housing.safe', '"housing.safe" is too long: 401 characters. The most you can use is 400.'],
      ['hints.housing.register', '"housing.register" must be text.'],
    ]);
  });

  it('a field named like an Object.prototype member is treated as an ordinary name', () => {
    const doc = { ...structuredClone(enGBWording), constructor: 1, __proto__x: 2 };
    expect(problems('locale', doc)).toEqual([
      ['constructor', '"constructor" is not something we know about here. Remove it.'],
      ['__proto__x', '"__proto__x" is not something we know about here. Remove it.'],
    ]);
  });
});

describe('assertValid', () => {
  it('returns the document or throws a ValidationError listing every field', () => {
    expect(assertValid('check-in', validCheckIn())).toEqual(validCheckIn());
    const bad = { ...validCheckIn(), author: 'pa' };
    expect(() => assertValid('check-in', bad)).toThrow(ValidationError);
    expect(() => assertValid('check-in', bad)).toThrow('Invalid check-in: author: "author" must be young-person.');
  });
});

describe('validation never throws (property-based)', () => {
  it.each(DOCUMENT_KINDS)('%s: arbitrary values', (kind) => {
    fc.assert(
      fc.property(fc.anything(), (doc) => {
        const r = validate(kind, doc, { locale: 'cy' });
        if (!r.ok) for (const e of r.errors) expect(typeof e.message === 'string' && e.message.length > 0).toBe(true);
        return typeof r.ok === 'boolean';
      }),
      { numRuns: 300 },
    );
  });

  it.each(DOCUMENT_KINDS)('%s: arbitrary JSON, including near-valid shapes', (kind) => {
    const base = {
      checklist: validChecklist(),
      'check-in': validCheckIn(),
      'pathway-plan': validPlan(),
      'living-together-agreement': validAgreement(),
      locale: enGBWording,
    }[kind];
    const mutated = fc
      .tuple(fc.jsonValue(), fc.constantFrom(...Object.keys(base)))
      .map(([v, k]) => ({ ...base, [k]: v }));
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), mutated), (doc) => {
        const r = validate(kind, doc);
        if (r.ok) return true;
        // One entry per problem: never the same path and message twice.
        const keys = r.errors.map((e) => `${e.path}|${e.message}`);
        expect(new Set(keys).size).toBe(keys.length);
        return r.errors.length > 0;
      }),
      { numRuns: 300 },
    );
  });
});
