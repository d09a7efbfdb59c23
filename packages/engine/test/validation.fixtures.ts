// Valid documents of each kind, shared by the validation tests. Each test breaks one thing at a time.
import type { CheckIn, LivingTogetherAgreement, PathwayPlan } from '../src/index.js';

export const who = { by: 'young-person', locale: 'en-GB', variant: 'standard', at: '2026-01-01T10:00:00Z' } as const;

export function validChecklist() {
  return {
    questionSet: 'onward.outcomes',
    version: 2,
    answers: {
      housing: { heating: { ...who, value: 'no', note: 'The boiler broke in December.', help: true } },
      money: { 'bank-account': { ...who, value: 'yes' } },
    },
  };
}

export function validCheckIn(): CheckIn {
  return {
    id: 'ci-1',
    youngPersonId: 'yp-1',
    author: 'young-person',
    at: '2026-02-01T09:30:00Z',
    locale: 'cy',
    moods: { housing: { mood: 'good' }, money: { mood: 'bad', help: true, note: 'Rent went up.' } },
  };
}

export function validPlan(): PathwayPlan {
  return {
    schemaVersion: 1,
    id: 'plan-1',
    council: 'bridgeford',
    youngPerson: {
      id: 'yp-1',
      name: 'Alex Morgan',
      preferredName: 'Al',
      dateOfBirth: '2008-02-29',
      category: 'relevant',
    },
    pa: { id: 'pa-1', name: 'Sam Jones' },
    started: '2026-01-05',
    checklist: validChecklist() as PathwayPlan['checklist'],
    domains: {
      housing: {
        goingWell: 'I like my flat.',
        needs: 'A warmer flat.',
        goals: [
          {
            id: 'g1',
            goal: 'Get the boiler fixed',
            actions: [{ id: 'a1', what: 'Ring the landlord', who: 'Alex', byWhen: '2026-02-01' }],
          },
        ],
      },
    },
    contingency: 'If the flat falls through, Alex can stay with their former carers for a week.',
    views: { youngPerson: 'I want to stay near college.' },
    engagement: {
      attempts: [{ at: '2026-01-04T10:00:00Z', method: 'phone', outcome: 'engaged' }],
      completedBy: 'together',
    },
    signOffs: [{ role: 'young-person', name: 'Alex Morgan', at: '2026-01-06T12:00:00Z' }],
  };
}

export function validAgreement(): LivingTogetherAgreement {
  return {
    schemaVersion: 1,
    id: 'lta-1',
    council: 'bridgeford',
    youngPerson: { id: 'yp-1', name: 'Alex Morgan', dateOfBirth: '2008-02-29' },
    carers: [{ id: 'c-1', name: 'Pat Evans' }],
    address: '1 High Street, Bridgeford',
    dates: { agreed: '2026-01-10', starts: '2026-02-28' },
    houseRules: { visitors: 'Friends are welcome until 10pm.' },
    money: { contribution: { amountPence: 2500, period: 'week' } },
    support: [{ from: 'carer', what: 'Help with cooking twice a week.' }],
    responsibilities: { youngPerson: 'Keep my room tidy.' },
    ending: { noticeByYoungPerson: 'Four weeks' },
    signOffs: [{ party: 'carer', name: 'Pat Evans', at: '2026-01-10T15:00:00Z' }],
  };
}

/** A document the tests break on purpose, field by field. */
// biome-ignore lint/suspicious/noExplicitAny: tests reach into documents to break them; types would only get in the way.
export type Loose = any;
