// The one rule of what a viewer may see of an agreement and of the events that carry one.
import type { LivingTogetherAgreement } from '@onward/schemas';
import { describe, expect, it } from 'vitest';
import {
  agreementForViewer,
  eventForViewer,
  eventsForViewer,
  ROLES,
  showsCarerAllowance,
  validateAgreement,
} from '../../src/index.js';

type Flag = true | false | undefined;

function agreement(flag: Flag): LivingTogetherAgreement {
  return {
    schemaVersion: 1,
    id: 'lta-1',
    council: 'northbridge',
    youngPerson: { id: 'yp-1', name: 'Jordan Example', dateOfBirth: '2008-05-14' },
    carers: [{ id: 'carer-1', name: 'Pat Carer' }],
    pa: { id: 'pa-1', name: 'Sam Adviser' },
    address: '12 Example Road, Northbridge, NB1 2AA',
    dates: { agreed: '2026-04-20', starts: '2026-05-14' },
    checks: { dbsNeeded: false, inPathwayPlan: true },
    houseRules: {},
    skills: [],
    money: {
      contribution: { amountPence: 2500, period: 'week', method: 'Bank transfer', covers: 'Food' },
      carerAllowance: {
        amountPence: 25000,
        period: 'week',
        ...(flag === undefined ? {} : { visibleToYoungPerson: flag }),
      },
    },
    support: [],
    responsibilities: {},
    disagreements: 'Talk to Sam first.',
    ending: {},
    signOffs: [],
  } as LivingTogetherAgreement;
}

const yp = { role: 'young-person' } as const;

describe('the carer’s allowance', () => {
  it('is shown to the young person only when the agreement marks it visible to them', () => {
    expect(showsCarerAllowance(agreement(true), yp)).toBe(true);
    expect(showsCarerAllowance(agreement(false), yp)).toBe(false);
    // An agreement that says nothing keeps it hidden (the widget and the PDF used to show it).
    expect(showsCarerAllowance(agreement(undefined), yp)).toBe(false);
  });

  it('is shown to the carer and the staff on the arrangement whatever the flag', () => {
    for (const role of ['carer', 'pa', 'social-worker', 'team-manager', 'supervising-social-worker', 'admin'])
      for (const flag of [true, false, undefined] as Flag[])
        expect(showsCarerAllowance(agreement(flag), { role }), `${role} ${flag}`).toBe(true);
  });

  it('is never shown to a role that has no business with it, nor to an unknown role', () => {
    for (const role of ['analyst', 'someone-else', ''])
      for (const flag of [true, false, undefined] as Flag[])
        expect(showsCarerAllowance(agreement(flag), { role })).toBe(false);
  });

  it('is not "shown" when the agreement has none', () => {
    const a = agreement(true);
    delete a.money.carerAllowance;
    for (const role of ROLES) expect(showsCarerAllowance(a, { role })).toBe(false);
  });
});

describe('agreementForViewer', () => {
  it('leaves the allowance out of the young person’s copy unless it is visible, and changes nothing given', () => {
    for (const flag of [false, undefined] as Flag[]) {
      const a = agreement(flag);
      const before = structuredClone(a);
      const mine = agreementForViewer(a, yp);
      expect(mine.money.carerAllowance).toBeUndefined();
      expect(JSON.stringify(mine)).not.toContain('25000');
      expect(mine.money.contribution).toEqual(a.money.contribution);
      expect(a).toEqual(before);
      // The copy is still a valid agreement (the PDF and widget validate what they are given).
      expect(validateAgreement(mine).ok).toBe(true);
    }
    const visible = agreement(true);
    expect(agreementForViewer(visible, yp)).toBe(visible);
  });

  it('gives staff and carers the agreement as it is', () => {
    const a = agreement(false);
    for (const role of ['carer', 'pa', 'team-manager'] as const) expect(agreementForViewer(a, { role })).toBe(a);
  });
});

describe('eventForViewer', () => {
  const saved = {
    id: 'e1',
    type: 'staying-put.agreement-saved',
    at: '2026-04-20T10:00:00.000Z',
    payload: { arrangementId: 'sp-1', agreement: agreement(false), lifecycle: { state: 'agreementDrafted' } },
  };

  it('hides the allowance in any event that carries it, wherever it sits', () => {
    const seen = eventForViewer(saved, yp);
    expect(JSON.stringify(seen)).not.toContain('carerAllowance');
    expect(seen.payload.arrangementId).toBe('sp-1');
    expect(seen.id).toBe('e1');
    // Not only an agreement: a payload of any shape that names the allowance.
    const nested = {
      type: 'anything',
      payload: { change: { before: { carerAllowance: { amountPence: 1, period: 'week' } } } },
    };
    expect(JSON.stringify(eventForViewer(nested, yp))).not.toContain('carerAllowance');
    expect(JSON.stringify(eventsForViewer([saved, nested], yp))).not.toContain('carerAllowance');
  });

  it('keeps the allowance for staff and when it is visible, and returns untouched events as they are', () => {
    expect(eventForViewer(saved, { role: 'pa' })).toBe(saved);
    const visible = { ...saved, payload: { ...saved.payload, agreement: agreement(true) } };
    expect(eventForViewer(visible, yp)).toBe(visible);
    const plain = { type: 'plan.saved', payload: { plan: { id: 'p1', list: [1, 2, { a: null }] } } };
    expect(eventForViewer(plain, yp)).toBe(plain);
  });

  it('does not change the stored event', () => {
    const before = structuredClone(saved);
    eventForViewer(saved, yp);
    expect(saved).toEqual(before);
  });
});
